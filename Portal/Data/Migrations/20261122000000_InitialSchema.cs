using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Data.Migrations;

/// <summary>
/// The whole schema. Written by hand (the EF design package is not on our feed) and checked against the model by
/// SchemaDriftTests on SQLite and PostgreSQL. Columns name no store type except money, so one set fits both providers.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000000_InitialSchema")]
public sealed class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoles", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                DisplayName = table.Column<string>(maxLength: 100, nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AuditEvents",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                At = table.Column<DateTimeOffset>(nullable: false),
                User = table.Column<string>(maxLength: 256, nullable: false),
                Entity = table.Column<string>(maxLength: 50, nullable: false),
                EntityId = table.Column<string>(maxLength: 50, nullable: false),
                Action = table.Column<string>(maxLength: 100, nullable: false),
                Details = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditEvents", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "BacklogSnapshots",
            columns: table => new
            {
                Date = table.Column<DateOnly>(nullable: false),
                BackorderedLines = table.Column<int>(nullable: false),
                BackorderedUnits = table.Column<int>(nullable: false),
                BackorderedValue = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                UnitsAged0To7 = table.Column<int>(nullable: false),
                UnitsAged8To30 = table.Column<int>(nullable: false),
                UnitsAged31To60 = table.Column<int>(nullable: false),
                UnitsAgedOver60 = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BacklogSnapshots", x => x.Date);
            });

        migrationBuilder.CreateTable(
            name: "Customers",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Code = table.Column<string>(maxLength: 20, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: true),
                PriorityTier = table.Column<int>(nullable: false),
                ShipCompleteDefault = table.Column<bool>(nullable: false),
                NotificationsOptOut = table.Column<bool>(nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                SalesRep = table.Column<string>(maxLength: 256, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Customers", x => x.Id);
                table.CheckConstraint("CK_Customers_PriorityTier", "\"PriorityTier\" BETWEEN 1 AND 5");
            });

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FriendlyName = table.Column<string>(maxLength: 256, nullable: false),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Holidays",
            columns: table => new
            {
                Date = table.Column<DateOnly>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Holidays", x => x.Date);
            });

        migrationBuilder.CreateTable(
            name: "Settings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                PickDays = table.Column<int>(nullable: false),
                ReceivingDays = table.Column<int>(nullable: false),
                EtaMoveThresholdDays = table.Column<int>(nullable: false),
                QuietWindowMinutes = table.Column<int>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Settings", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Suppliers",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: true),
                DefaultLeadTimeDays = table.Column<int>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Suppliers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Warehouses",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Code = table.Column<string>(maxLength: 10, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Warehouses", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RoleId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(
                    name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                RoleId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(
                    name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Products",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Sku = table.Column<string>(maxLength: 40, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                UnitPrice = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                Currency = table.Column<string>(maxLength: 3, nullable: false),
                SupplierId = table.Column<int>(nullable: true),
                LeadTimeDays = table.Column<int>(nullable: true),
                PackSize = table.Column<int>(nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Products", x => x.Id);
                table.ForeignKey(
                    name: "FK_Products_Suppliers_SupplierId",
                    column: x => x.SupplierId,
                    principalTable: "Suppliers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.CheckConstraint("CK_Products_UnitPrice", "\"UnitPrice\" >= 0");
            });

        migrationBuilder.CreateTable(
            name: "PurchaseOrders",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                SupplierId = table.Column<int>(nullable: false),
                WarehouseId = table.Column<int>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PurchaseOrders", x => x.Id);
                table.ForeignKey(
                    name: "FK_PurchaseOrders_Suppliers_SupplierId",
                    column: x => x.SupplierId,
                    principalTable: "Suppliers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_PurchaseOrders_Warehouses_WarehouseId",
                    column: x => x.WarehouseId,
                    principalTable: "Warehouses",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "SalesOrders",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CustomerId = table.Column<int>(nullable: false),
                PriorityTier = table.Column<int>(nullable: false),
                WarehouseId = table.Column<int>(nullable: false),
                SalesRep = table.Column<string>(maxLength: 256, nullable: false),
                PlacedAt = table.Column<DateTimeOffset>(nullable: false),
                RequestedShipDate = table.Column<DateOnly>(nullable: true),
                CustomerReference = table.Column<string>(maxLength: 50, nullable: true),
                ShipComplete = table.Column<bool>(nullable: false),
                Expedite = table.Column<bool>(nullable: false),
                ExpediteReason = table.Column<string>(maxLength: 200, nullable: true),
                OnHold = table.Column<bool>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SalesOrders", x => x.Id);
                table.ForeignKey(
                    name: "FK_SalesOrders_Customers_CustomerId",
                    column: x => x.CustomerId,
                    principalTable: "Customers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_SalesOrders_Warehouses_WarehouseId",
                    column: x => x.WarehouseId,
                    principalTable: "Warehouses",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PendingAllocations",
            columns: table => new
            {
                ProductId = table.Column<int>(nullable: false),
                Reason = table.Column<string>(maxLength: 100, nullable: false),
                MarkedAt = table.Column<DateTimeOffset>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PendingAllocations", x => x.ProductId);
                table.ForeignKey(
                    name: "FK_PendingAllocations_Products_ProductId",
                    column: x => x.ProductId,
                    principalTable: "Products",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "StockAdjustments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ProductId = table.Column<int>(nullable: false),
                WarehouseId = table.Column<int>(nullable: false),
                Delta = table.Column<int>(nullable: false),
                Reason = table.Column<string>(maxLength: 200, nullable: false),
                AdjustedBy = table.Column<string>(maxLength: 256, nullable: false),
                AdjustedAt = table.Column<DateTimeOffset>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StockAdjustments", x => x.Id);
                table.ForeignKey(
                    name: "FK_StockAdjustments_Products_ProductId",
                    column: x => x.ProductId,
                    principalTable: "Products",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_StockAdjustments_Warehouses_WarehouseId",
                    column: x => x.WarehouseId,
                    principalTable: "Warehouses",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "StockLevels",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ProductId = table.Column<int>(nullable: false),
                WarehouseId = table.Column<int>(nullable: false),
                OnHand = table.Column<int>(nullable: false),
                Allocated = table.Column<int>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StockLevels", x => x.Id);
                table.ForeignKey(
                    name: "FK_StockLevels_Products_ProductId",
                    column: x => x.ProductId,
                    principalTable: "Products",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_StockLevels_Warehouses_WarehouseId",
                    column: x => x.WarehouseId,
                    principalTable: "Warehouses",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.CheckConstraint("CK_StockLevels_Allocated", "\"Allocated\" >= 0 AND \"Allocated\" <= \"OnHand\"");
            });

        migrationBuilder.CreateTable(
            name: "PurchaseOrderLines",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                PurchaseOrderId = table.Column<int>(nullable: false),
                LineNumber = table.Column<int>(nullable: false),
                ProductId = table.Column<int>(nullable: false),
                Ordered = table.Column<int>(nullable: false),
                Received = table.Column<int>(nullable: false),
                Cancelled = table.Column<int>(nullable: false),
                ExpectedDate = table.Column<DateOnly>(nullable: false),
                UnitCost = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PurchaseOrderLines", x => x.Id);
                table.ForeignKey(
                    name: "FK_PurchaseOrderLines_Products_ProductId",
                    column: x => x.ProductId,
                    principalTable: "Products",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_PurchaseOrderLines_PurchaseOrders_PurchaseOrderId",
                    column: x => x.PurchaseOrderId,
                    principalTable: "PurchaseOrders",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.CheckConstraint("CK_PurchaseOrderLines_Quantities", "\"Received\" >= 0 AND \"Cancelled\" >= 0 AND \"Received\" + \"Cancelled\" <= \"Ordered\"");
            });

        migrationBuilder.CreateTable(
            name: "CustomerNotices",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                SalesOrderId = table.Column<int>(nullable: false),
                CustomerId = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                DueAt = table.Column<DateTimeOffset>(nullable: false),
                Status = table.Column<int>(nullable: false),
                AttemptCount = table.Column<int>(nullable: false),
                LastError = table.Column<string>(maxLength: 1000, nullable: true),
                SentAt = table.Column<DateTimeOffset>(nullable: true),
                ToAddress = table.Column<string>(maxLength: 254, nullable: true),
                Subject = table.Column<string>(maxLength: 300, nullable: true),
                TextBody = table.Column<string>(nullable: true),
                HtmlBody = table.Column<string>(nullable: true),
                ContentHash = table.Column<string>(maxLength: 64, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CustomerNotices", x => x.Id);
                table.ForeignKey(
                    name: "FK_CustomerNotices_Customers_CustomerId",
                    column: x => x.CustomerId,
                    principalTable: "Customers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_CustomerNotices_SalesOrders_SalesOrderId",
                    column: x => x.SalesOrderId,
                    principalTable: "SalesOrders",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SalesOrderLines",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                SalesOrderId = table.Column<int>(nullable: false),
                LineNumber = table.Column<int>(nullable: false),
                ProductId = table.Column<int>(nullable: false),
                UnitPrice = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                CustomerId = table.Column<int>(nullable: false),
                WarehouseId = table.Column<int>(nullable: false),
                PriorityTier = table.Column<int>(nullable: false),
                Expedite = table.Column<bool>(nullable: false),
                RequestedShipDate = table.Column<DateOnly>(nullable: true),
                PlacedAt = table.Column<DateTimeOffset>(nullable: false),
                ShipComplete = table.Column<bool>(nullable: false),
                OnHold = table.Column<bool>(nullable: false),
                Ordered = table.Column<int>(nullable: false),
                Allocated = table.Column<int>(nullable: false),
                Shipped = table.Column<int>(nullable: false),
                Cancelled = table.Column<int>(nullable: false),
                Backordered = table.Column<int>(nullable: false),
                EtaDate = table.Column<DateOnly>(nullable: true),
                EtaBasis = table.Column<int>(nullable: false),
                EtaOverdue = table.Column<bool>(nullable: false),
                EtaPurchaseOrderId = table.Column<int>(nullable: true),
                EtaNote = table.Column<string>(maxLength: 500, nullable: true),
                AllocationNote = table.Column<string>(maxLength: 500, nullable: true),
                NotifiedBackordered = table.Column<int>(nullable: false),
                NotifiedEtaDate = table.Column<DateOnly>(nullable: true),
                NotifiedEtaBasis = table.Column<int>(nullable: false),
                NotifiedShipped = table.Column<int>(nullable: false),
                NotifiedCancelled = table.Column<int>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SalesOrderLines", x => x.Id);
                table.ForeignKey(
                    name: "FK_SalesOrderLines_Products_ProductId",
                    column: x => x.ProductId,
                    principalTable: "Products",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_SalesOrderLines_SalesOrders_SalesOrderId",
                    column: x => x.SalesOrderId,
                    principalTable: "SalesOrders",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.CheckConstraint("CK_SalesOrderLines_Backordered", "\"Backordered\" = \"Ordered\" - \"Allocated\" - \"Shipped\" - \"Cancelled\"");
                table.CheckConstraint("CK_SalesOrderLines_Quantities", "\"Ordered\" >= 0 AND \"Allocated\" >= 0 AND \"Shipped\" >= 0 AND \"Cancelled\" >= 0 AND \"Backordered\" >= 0");
            });

        migrationBuilder.CreateTable(
            name: "Receipts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                PurchaseOrderLineId = table.Column<int>(nullable: false),
                Quantity = table.Column<int>(nullable: false),
                ReceivedBy = table.Column<string>(maxLength: 256, nullable: false),
                ReceivedAt = table.Column<DateTimeOffset>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Receipts", x => x.Id);
                table.ForeignKey(
                    name: "FK_Receipts_PurchaseOrderLines_PurchaseOrderLineId",
                    column: x => x.PurchaseOrderLineId,
                    principalTable: "PurchaseOrderLines",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.CheckConstraint("CK_Receipts_Quantity", "\"Quantity\" > 0");
            });

        migrationBuilder.CreateTable(
            name: "NoticeAttempt",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CustomerNoticeId = table.Column<int>(nullable: false),
                AttemptedAt = table.Column<DateTimeOffset>(nullable: false),
                Succeeded = table.Column<bool>(nullable: false),
                Error = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NoticeAttempt", x => x.Id);
                table.ForeignKey(
                    name: "FK_NoticeAttempt_CustomerNotices_CustomerNoticeId",
                    column: x => x.CustomerNoticeId,
                    principalTable: "CustomerNotices",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "NoticeEvents",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CustomerNoticeId = table.Column<int>(nullable: false),
                SalesOrderLineId = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
                Quantity = table.Column<int>(nullable: false),
                EtaDate = table.Column<DateOnly>(nullable: true),
                Note = table.Column<string>(maxLength: 300, nullable: true),
                OccurredAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NoticeEvents", x => x.Id);
                table.ForeignKey(
                    name: "FK_NoticeEvents_CustomerNotices_CustomerNoticeId",
                    column: x => x.CustomerNoticeId,
                    principalTable: "CustomerNotices",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_NoticeEvents_SalesOrderLines_SalesOrderLineId",
                    column: x => x.SalesOrderLineId,
                    principalTable: "SalesOrderLines",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Shipments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                SalesOrderId = table.Column<int>(nullable: false),
                SalesOrderLineId = table.Column<int>(nullable: false),
                Quantity = table.Column<int>(nullable: false),
                ShippedBy = table.Column<string>(maxLength: 256, nullable: false),
                ShippedAt = table.Column<DateTimeOffset>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Shipments", x => x.Id);
                table.ForeignKey(
                    name: "FK_Shipments_SalesOrderLines_SalesOrderLineId",
                    column: x => x.SalesOrderLineId,
                    principalTable: "SalesOrderLines",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Shipments_SalesOrders_SalesOrderId",
                    column: x => x.SalesOrderId,
                    principalTable: "SalesOrders",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.CheckConstraint("CK_Shipments_Quantity", "\"Quantity\" > 0");
            });

        migrationBuilder.InsertData(
            table: "AspNetRoles",
            columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
            columnTypes: new[] { "text", "text", "text", "text" },
            values: new object[] { "role-admin", "seed-admin", "Admin", "ADMIN" });

        migrationBuilder.InsertData(
            table: "AspNetRoles",
            columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
            columnTypes: new[] { "text", "text", "text", "text" },
            values: new object[] { "role-purchasing", "seed-purchasing", "Purchasing", "PURCHASING" });

        migrationBuilder.InsertData(
            table: "AspNetRoles",
            columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
            columnTypes: new[] { "text", "text", "text", "text" },
            values: new object[] { "role-sales", "seed-sales", "Sales", "SALES" });

        migrationBuilder.InsertData(
            table: "AspNetRoles",
            columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
            columnTypes: new[] { "text", "text", "text", "text" },
            values: new object[] { "role-warehouse", "seed-warehouse", "Warehouse", "WAREHOUSE" });

        migrationBuilder.InsertData(
            table: "Settings",
            columns: new[] { "Id", "EtaMoveThresholdDays", "PickDays", "QuietWindowMinutes", "ReceivingDays", "Version" },
            columnTypes: new[] { "integer", "integer", "integer", "integer", "integer", "integer" },
            values: new object[] { 1, 1, 1, 10, 1, 0 });

        migrationBuilder.CreateIndex(
            name: "IX_AspNetRoleClaims_RoleId",
            table: "AspNetRoleClaims",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "RoleNameIndex",
            table: "AspNetRoles",
            column: "NormalizedName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserClaims_UserId",
            table: "AspNetUserClaims",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserLogins_UserId",
            table: "AspNetUserLogins",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserRoles_RoleId",
            table: "AspNetUserRoles",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "EmailIndex",
            table: "AspNetUsers",
            column: "NormalizedEmail");

        migrationBuilder.CreateIndex(
            name: "UserNameIndex",
            table: "AspNetUsers",
            column: "NormalizedUserName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AuditEvents_At",
            table: "AuditEvents",
            column: "At");

        migrationBuilder.CreateIndex(
            name: "IX_AuditEvents_Entity_EntityId",
            table: "AuditEvents",
            columns: new[] { "Entity", "EntityId" });

        migrationBuilder.CreateIndex(
            name: "IX_CustomerNotices_CustomerId",
            table: "CustomerNotices",
            column: "CustomerId");

        migrationBuilder.CreateIndex(
            name: "IX_CustomerNotices_SalesOrderId_CreatedAt",
            table: "CustomerNotices",
            columns: new[] { "SalesOrderId", "CreatedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_CustomerNotices_Status_DueAt",
            table: "CustomerNotices",
            columns: new[] { "Status", "DueAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Customers_Code",
            table: "Customers",
            column: "Code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Customers_Name",
            table: "Customers",
            column: "Name");

        migrationBuilder.CreateIndex(
            name: "IX_Customers_SalesRep",
            table: "Customers",
            column: "SalesRep");

        migrationBuilder.CreateIndex(
            name: "IX_NoticeAttempt_CustomerNoticeId",
            table: "NoticeAttempt",
            column: "CustomerNoticeId");

        migrationBuilder.CreateIndex(
            name: "IX_NoticeEvents_CustomerNoticeId",
            table: "NoticeEvents",
            column: "CustomerNoticeId");

        migrationBuilder.CreateIndex(
            name: "IX_NoticeEvents_SalesOrderLineId",
            table: "NoticeEvents",
            column: "SalesOrderLineId");

        migrationBuilder.CreateIndex(
            name: "IX_PendingAllocations_MarkedAt",
            table: "PendingAllocations",
            column: "MarkedAt");

        migrationBuilder.CreateIndex(
            name: "IX_Products_Name",
            table: "Products",
            column: "Name");

        migrationBuilder.CreateIndex(
            name: "IX_Products_Sku",
            table: "Products",
            column: "Sku",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Products_SupplierId",
            table: "Products",
            column: "SupplierId");

        migrationBuilder.CreateIndex(
            name: "IX_PurchaseOrderLines_ProductId_Open",
            table: "PurchaseOrderLines",
            columns: new[] { "ProductId", "ExpectedDate" },
            filter: "\"Ordered\" > \"Received\" + \"Cancelled\"");

        migrationBuilder.CreateIndex(
            name: "IX_PurchaseOrderLines_PurchaseOrderId_LineNumber",
            table: "PurchaseOrderLines",
            columns: new[] { "PurchaseOrderId", "LineNumber" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_PurchaseOrders_Status_CreatedAt",
            table: "PurchaseOrders",
            columns: new[] { "Status", "CreatedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_PurchaseOrders_SupplierId",
            table: "PurchaseOrders",
            column: "SupplierId");

        migrationBuilder.CreateIndex(
            name: "IX_PurchaseOrders_WarehouseId",
            table: "PurchaseOrders",
            column: "WarehouseId");

        migrationBuilder.CreateIndex(
            name: "IX_Receipts_PurchaseOrderLineId",
            table: "Receipts",
            column: "PurchaseOrderLineId");

        migrationBuilder.CreateIndex(
            name: "IX_Receipts_ReceivedAt",
            table: "Receipts",
            column: "ReceivedAt");

        migrationBuilder.CreateIndex(
            name: "IX_SalesOrderLines_ProductId_Active",
            table: "SalesOrderLines",
            column: "ProductId",
            filter: "\"Backordered\" > 0 OR \"Allocated\" > 0 OR \"NotifiedBackordered\" > 0 OR \"NotifiedShipped\" <> \"Shipped\" OR \"NotifiedCancelled\" <> \"Cancelled\"");

        migrationBuilder.CreateIndex(
            name: "IX_SalesOrderLines_SalesOrderId_LineNumber",
            table: "SalesOrderLines",
            columns: new[] { "SalesOrderId", "LineNumber" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_SalesOrders_CustomerId_PlacedAt",
            table: "SalesOrders",
            columns: new[] { "CustomerId", "PlacedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_SalesOrders_PlacedAt",
            table: "SalesOrders",
            column: "PlacedAt");

        migrationBuilder.CreateIndex(
            name: "IX_SalesOrders_SalesRep_PlacedAt",
            table: "SalesOrders",
            columns: new[] { "SalesRep", "PlacedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_SalesOrders_Status_PlacedAt",
            table: "SalesOrders",
            columns: new[] { "Status", "PlacedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_SalesOrders_WarehouseId",
            table: "SalesOrders",
            column: "WarehouseId");

        migrationBuilder.CreateIndex(
            name: "IX_Shipments_SalesOrderId",
            table: "Shipments",
            column: "SalesOrderId");

        migrationBuilder.CreateIndex(
            name: "IX_Shipments_SalesOrderLineId",
            table: "Shipments",
            column: "SalesOrderLineId");

        migrationBuilder.CreateIndex(
            name: "IX_StockAdjustments_ProductId_AdjustedAt",
            table: "StockAdjustments",
            columns: new[] { "ProductId", "AdjustedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_StockAdjustments_WarehouseId",
            table: "StockAdjustments",
            column: "WarehouseId");

        migrationBuilder.CreateIndex(
            name: "IX_StockLevels_ProductId_WarehouseId",
            table: "StockLevels",
            columns: new[] { "ProductId", "WarehouseId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_StockLevels_WarehouseId",
            table: "StockLevels",
            column: "WarehouseId");

        migrationBuilder.CreateIndex(
            name: "IX_Suppliers_Name",
            table: "Suppliers",
            column: "Name");

        migrationBuilder.CreateIndex(
            name: "IX_Warehouses_Code",
            table: "Warehouses",
            column: "Code",
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Shipments");
        migrationBuilder.DropTable(name: "NoticeEvents");
        migrationBuilder.DropTable(name: "NoticeAttempt");
        migrationBuilder.DropTable(name: "Receipts");
        migrationBuilder.DropTable(name: "SalesOrderLines");
        migrationBuilder.DropTable(name: "CustomerNotices");
        migrationBuilder.DropTable(name: "PurchaseOrderLines");
        migrationBuilder.DropTable(name: "StockLevels");
        migrationBuilder.DropTable(name: "StockAdjustments");
        migrationBuilder.DropTable(name: "PendingAllocations");
        migrationBuilder.DropTable(name: "SalesOrders");
        migrationBuilder.DropTable(name: "PurchaseOrders");
        migrationBuilder.DropTable(name: "Products");
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUserRoles");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "AspNetRoleClaims");
        migrationBuilder.DropTable(name: "Warehouses");
        migrationBuilder.DropTable(name: "Suppliers");
        migrationBuilder.DropTable(name: "Settings");
        migrationBuilder.DropTable(name: "Holidays");
        migrationBuilder.DropTable(name: "DataProtectionKeys");
        migrationBuilder.DropTable(name: "Customers");
        migrationBuilder.DropTable(name: "BacklogSnapshots");
        migrationBuilder.DropTable(name: "AuditEvents");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropTable(name: "AspNetRoles");
    }
}
