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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SalesOrderLines_WaitingShipComplete_SalesOrderId",
                table: "SalesOrderLines");
        }
    }
}
