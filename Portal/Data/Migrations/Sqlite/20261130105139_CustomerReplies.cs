using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerReplies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LaterDateQuestionDays",
                table: "Settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "UnansweredReminderDays",
                table: "Settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The defaults above only fill the existing row; the model has none, so they go again (schema drift tests).
            migrationBuilder.AlterColumn<int>(
                name: "LaterDateQuestionDays",
                table: "Settings",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldDefaultValue: 0);

            migrationBuilder.AlterColumn<int>(
                name: "UnansweredReminderDays",
                table: "Settings",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldDefaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CustomerReplies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SalesOrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    At = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerReplies_SalesOrders_SalesOrderId",
                        column: x => x.SalesOrderId,
                        principalTable: "SalesOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LaterDateQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SalesOrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    SalesOrderLineId = table.Column<int>(type: "INTEGER", nullable: false),
                    WasDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NewDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AskedAt = table.Column<string>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AnsweredAt = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LaterDateQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LaterDateQuestions_SalesOrderLines_SalesOrderLineId",
                        column: x => x.SalesOrderLineId,
                        principalTable: "SalesOrderLines",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_LaterDateQuestions_SalesOrders_SalesOrderId",
                        column: x => x.SalesOrderId,
                        principalTable: "SalesOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.UpdateData(
                table: "Settings",
                keyColumn: "Id",
                keyValue: 1,
                columns: new[] { "LaterDateQuestionDays", "UnansweredReminderDays" },
                values: new object[] { 5, 3 });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerReplies_At",
                table: "CustomerReplies",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerReplies_SalesOrderId_At",
                table: "CustomerReplies",
                columns: new[] { "SalesOrderId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LaterDateQuestions_Answer_AskedAt",
                table: "LaterDateQuestions",
                columns: new[] { "Answer", "AskedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LaterDateQuestions_SalesOrderId",
                table: "LaterDateQuestions",
                column: "SalesOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_LaterDateQuestions_SalesOrderLineId_Answer",
                table: "LaterDateQuestions",
                columns: new[] { "SalesOrderLineId", "Answer" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerReplies");

            migrationBuilder.DropTable(
                name: "LaterDateQuestions");

            migrationBuilder.DropColumn(
                name: "LaterDateQuestionDays",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "UnansweredReminderDays",
                table: "Settings");
        }
    }
}
