using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ListQueryPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProductShortages",
                columns: table => new
                {
                    ProductId = table.Column<int>(type: "int", nullable: false),
                    WarehouseId = table.Column<int>(type: "int", nullable: false),
                    Backordered = table.Column<int>(type: "int", nullable: false),
                    Lines = table.Column<int>(type: "int", nullable: false),
                    Customers = table.Column<int>(type: "int", nullable: false),
                    ValueAtRisk = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    NeedDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Available = table.Column<int>(type: "int", nullable: false),
                    OnOrder = table.Column<int>(type: "int", nullable: false),
                    Uncovered = table.Column<int>(type: "int", nullable: false),
                    NextPoDate = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductShortages", x => new { x.ProductId, x.WarehouseId });
                    table.ForeignKey(
                        name: "FK_ProductShortages_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProductShortages_Warehouses_WarehouseId",
                        column: x => x.WarehouseId,
                        principalTable: "Warehouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrders_Pickable_Id",
                table: "SalesOrders",
                column: "Id",
                filter: "\"Status\" IN (0, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrders_Pickable_Priority",
                table: "SalesOrders",
                columns: new[] { "Expedite", "PriorityTier", "RequestedShipDate", "PlacedAt", "Id" },
                descending: new[] { true, false, false, false, false },
                filter: "\"Status\" IN (0, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrders_Pickable_RequestedShipDate",
                table: "SalesOrders",
                columns: new[] { "RequestedShipDate", "Id" },
                filter: "\"Status\" IN (0, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrders_RequestedShipDate_Id",
                table: "SalesOrders",
                columns: new[] { "RequestedShipDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrderLines_Allocated_SalesOrderId",
                table: "SalesOrderLines",
                column: "SalesOrderId",
                filter: "\"Allocated\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrderLines_Waiting_Backordered",
                table: "SalesOrderLines",
                columns: new[] { "Backordered", "Id" },
                filter: "\"Backordered\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrderLines_Waiting_CustomerId",
                table: "SalesOrderLines",
                columns: new[] { "CustomerId", "PlacedAt", "Id" },
                filter: "\"Backordered\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrderLines_Waiting_EtaPurchaseOrderId",
                table: "SalesOrderLines",
                columns: new[] { "EtaPurchaseOrderId", "Id" },
                filter: "\"Backordered\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrderLines_Waiting_PlacedAt",
                table: "SalesOrderLines",
                columns: new[] { "PlacedAt", "Id" },
                filter: "\"Backordered\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrderLines_Waiting_ProductId",
                table: "SalesOrderLines",
                columns: new[] { "ProductId", "Id" },
                filter: "\"Backordered\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrderLines_Waiting_SalesOrderId",
                table: "SalesOrderLines",
                columns: new[] { "SalesOrderId", "LineNumber" },
                filter: "\"Backordered\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseOrderLines_ExpectedDate_Open",
                table: "PurchaseOrderLines",
                columns: new[] { "ExpectedDate", "PurchaseOrderId", "LineNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductShortages_Available",
                table: "ProductShortages",
                column: "Available");

            migrationBuilder.CreateIndex(
                name: "IX_ProductShortages_Backordered",
                table: "ProductShortages",
                column: "Backordered");

            migrationBuilder.CreateIndex(
                name: "IX_ProductShortages_Customers",
                table: "ProductShortages",
                column: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_ProductShortages_NeedDate",
                table: "ProductShortages",
                column: "NeedDate");

            migrationBuilder.CreateIndex(
                name: "IX_ProductShortages_NextPoDate",
                table: "ProductShortages",
                column: "NextPoDate");

            migrationBuilder.CreateIndex(
                name: "IX_ProductShortages_OnOrder",
                table: "ProductShortages",
                column: "OnOrder");

            migrationBuilder.CreateIndex(
                name: "IX_ProductShortages_Uncovered_ValueAtRisk",
                table: "ProductShortages",
                columns: new[] { "Uncovered", "ValueAtRisk" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductShortages_ValueAtRisk",
                table: "ProductShortages",
                column: "ValueAtRisk");

            migrationBuilder.CreateIndex(
                name: "IX_ProductShortages_WarehouseId",
                table: "ProductShortages",
                column: "WarehouseId");

            // The figures as the lines, stock and purchase orders stand; from now on every allocation run keeps them.
            migrationBuilder.Sql(Portal.Features.Purchasing.Shortages.ShortageAggregate.InsertSql(ActiveProvider!));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProductShortages");

            migrationBuilder.DropIndex(
                name: "IX_SalesOrders_Pickable_Id",
                table: "SalesOrders");

            migrationBuilder.DropIndex(
                name: "IX_SalesOrders_Pickable_Priority",
                table: "SalesOrders");

            migrationBuilder.DropIndex(
                name: "IX_SalesOrders_Pickable_RequestedShipDate",
                table: "SalesOrders");

            migrationBuilder.DropIndex(
                name: "IX_SalesOrders_RequestedShipDate_Id",
                table: "SalesOrders");

            migrationBuilder.DropIndex(
                name: "IX_SalesOrderLines_Allocated_SalesOrderId",
                table: "SalesOrderLines");

            migrationBuilder.DropIndex(
                name: "IX_SalesOrderLines_Waiting_Backordered",
                table: "SalesOrderLines");

            migrationBuilder.DropIndex(
                name: "IX_SalesOrderLines_Waiting_CustomerId",
                table: "SalesOrderLines");

            migrationBuilder.DropIndex(
                name: "IX_SalesOrderLines_Waiting_EtaPurchaseOrderId",
                table: "SalesOrderLines");

            migrationBuilder.DropIndex(
                name: "IX_SalesOrderLines_Waiting_PlacedAt",
                table: "SalesOrderLines");

            migrationBuilder.DropIndex(
                name: "IX_SalesOrderLines_Waiting_ProductId",
                table: "SalesOrderLines");

            migrationBuilder.DropIndex(
                name: "IX_SalesOrderLines_Waiting_SalesOrderId",
                table: "SalesOrderLines");

            migrationBuilder.DropIndex(
                name: "IX_PurchaseOrderLines_ExpectedDate_Open",
                table: "PurchaseOrderLines");
        }
    }
}
