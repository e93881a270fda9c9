using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SalesOrderLines_Waiting_Eta",
                table: "SalesOrderLines",
                columns: new[] { "EtaOverdue", "EtaDate", "Id" },
                descending: new[] { true, false, false },
                filter: "\"Backordered\" > 0");

            // PostgreSQL indexes expressions, which the model cannot describe: the backorders board by value (units waiting
            // times price, written as EF writes it) and receiving by open quantity, each read either way.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_SalesOrderLines_Waiting_Value" ON "SalesOrderLines" (("UnitPrice" * "Backordered"::numeric(18,4)), "Id") WHERE "Backordered" > 0;
                CREATE INDEX "IX_PurchaseOrderLines_Open_Quantity" ON "PurchaseOrderLines" (("Ordered" - "Cancelled" - "Received"), "PurchaseOrderId", "LineNumber")
                    WHERE "Ordered" > "Received" + "Cancelled";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX "IX_PurchaseOrderLines_Open_Quantity";
                DROP INDEX "IX_SalesOrderLines_Waiting_Value";
                """);

            migrationBuilder.DropIndex(
                name: "IX_SalesOrderLines_Waiting_Eta",
                table: "SalesOrderLines");
        }
    }
}
