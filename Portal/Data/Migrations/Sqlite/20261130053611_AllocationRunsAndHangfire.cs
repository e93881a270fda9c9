using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AllocationRunsAndHangfire : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hangfire replaced Quartz, which kept its own tables here.
            migrationBuilder.Sql(QuartzTables.DropSql(upperCase: true));

            migrationBuilder.CreateTable(
                name: "AllocationRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: true),
                    Products = table.Column<int>(type: "INTEGER", nullable: false),
                    Instance = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedAt = table.Column<string>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<string>(type: "TEXT", nullable: false),
                    LinesWritten = table.Column<int>(type: "INTEGER", nullable: false),
                    Notices = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllocationRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AllocationRuns_ProductId_StartedAt",
                table: "AllocationRuns",
                columns: new[] { "ProductId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AllocationRuns_StartedAt",
                table: "AllocationRuns",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AllocationRuns");
        }
    }
}
