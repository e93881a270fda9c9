using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PickListShipCompleteIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SalesOrderLines_WaitingShipComplete_SalesOrderId",
                table: "SalesOrderLines",
                column: "SalesOrderId",
                filter: "\"Backordered\" > 0 AND \"ShipComplete\"");

            // SQLite sorts nulls first and its indexes cannot say otherwise, so the pick list's "no requested date last"
            // (in priority order, and by ship-by date) is an ORDER BY on "RequestedShipDate" IS NULL: indexes on that
            // expression, which the model cannot describe, let a page be read from them instead of sorting every order.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_SalesOrders_Pickable_PriorityNullsLast" ON "SalesOrders"
                    ("Expedite" DESC, "PriorityTier", "RequestedShipDate" IS NULL, "RequestedShipDate", "PlacedAt", "Id") WHERE "Status" IN (0, 2);
                CREATE INDEX "IX_SalesOrders_Pickable_ShipByNullsLast" ON "SalesOrders" ("RequestedShipDate" IS NULL, "RequestedShipDate", "Id")
                    WHERE "Status" IN (0, 2);
                ANALYZE "SalesOrders";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX "IX_SalesOrders_Pickable_ShipByNullsLast";
                DROP INDEX "IX_SalesOrders_Pickable_PriorityNullsLast";
                """);

            migrationBuilder.DropIndex(
                name: "IX_SalesOrderLines_WaitingShipComplete_SalesOrderId",
                table: "SalesOrderLines");
        }
    }
}
