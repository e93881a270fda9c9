using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SettingsComplete : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CompanyName",
                table: "Settings",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LeadTimeMoveThresholdDays",
                table: "Settings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedSmtpPassword",
                table: "Settings",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SenderAddress",
                table: "Settings",
                type: "nvarchar(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SmtpEnabled",
                table: "Settings",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SmtpHost",
                table: "Settings",
                type: "nvarchar(253)",
                maxLength: 253,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SmtpPort",
                table: "Settings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "SmtpRequireTls",
                table: "Settings",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SmtpUserName",
                table: "Settings",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WorkingDays",
                table: "Settings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // The defaults above only fill the existing row; the model has none, so they go again (schema drift tests).
            migrationBuilder.AlterColumn<int>(
                name: "LeadTimeMoveThresholdDays",
                table: "Settings",
                type: "int",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "int",
                oldDefaultValue: 0);

            migrationBuilder.AlterColumn<bool>(
                name: "SmtpEnabled",
                table: "Settings",
                type: "bit",
                nullable: false,
                oldClrType: typeof(bool),
                oldType: "bit",
                oldDefaultValue: false);

            migrationBuilder.AlterColumn<int>(
                name: "SmtpPort",
                table: "Settings",
                type: "int",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "int",
                oldDefaultValue: 0);

            migrationBuilder.AlterColumn<bool>(
                name: "SmtpRequireTls",
                table: "Settings",
                type: "bit",
                nullable: false,
                oldClrType: typeof(bool),
                oldType: "bit",
                oldDefaultValue: false);

            migrationBuilder.AlterColumn<int>(
                name: "WorkingDays",
                table: "Settings",
                type: "int",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "int",
                oldDefaultValue: 0);

            migrationBuilder.UpdateData(
                table: "Settings",
                keyColumn: "Id",
                keyValue: 1,
                columns: new[] { "CompanyName", "LeadTimeMoveThresholdDays", "ProtectedSmtpPassword", "SenderAddress", "SmtpEnabled", "SmtpHost", "SmtpPort", "SmtpRequireTls", "SmtpUserName", "WorkingDays" },
                values: new object[] { null, 5, null, null, false, null, 25, false, null, 62 });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CompanyName",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "LeadTimeMoveThresholdDays",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "ProtectedSmtpPassword",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "SenderAddress",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "SmtpEnabled",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "SmtpHost",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "SmtpPort",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "SmtpRequireTls",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "SmtpUserName",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "WorkingDays",
                table: "Settings");
        }
    }
}
