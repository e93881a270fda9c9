using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SalesOrderLines_Waiting_Eta",
                table: "SalesOrderLines");
        }
    }
}
