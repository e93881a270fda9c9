using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Portal.Benchmarks.Data;
using Portal.Data;

namespace Portal.Benchmarks.Database;

/// <summary>
/// Writes a generated data set into a migrated database, fast: PostgreSQL binary COPY per table (foreign-key triggers
/// off for the session), SQLite one prepared INSERT per table reused for every row, all in one transaction.
/// Ids are the generator's; PostgreSQL identity sequences are moved past them afterwards.
/// </summary>
public static class BulkLoader
{
    public static async Task LoadPostgresAsync(string connectionString, DataSet data)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Exec(connection, "SET session_replication_role = replica");
        foreach (var table in Tables(data))
        {
            var columns = string.Join(", ", table.Columns.Select(c => $"\"{c}\""));
            await using (var writer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)"))
            {
                var sink = new CopySink(writer);
                for (var i = 0; i < table.Rows; i++)
                {
                    await writer.StartRowAsync();
                    table.Write(i, sink);
                }

                await writer.CompleteAsync();
            }

            if (table.Columns[0] == "Id" && table.Name != "Settings")
                await Exec(connection, $"SELECT setval(pg_get_serial_sequence('\"{table.Name}\"', 'Id'), GREATEST(1, (SELECT max(\"Id\") FROM \"{table.Name}\")))");
        }

        await Exec(connection, "SET session_replication_role = DEFAULT");
        await Exec(connection, "VACUUM ANALYZE");
    }

    public static async Task LoadSqliteAsync(string connectionString, DataSet data)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await ExecSqlite(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-262144;");
        await using (var transaction = connection.BeginTransaction())
        {
            foreach (var table in Tables(data))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) " +
                                      $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
                var parameters = table.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
                command.Prepare();
                var sink = new SqliteSink(parameters);
                for (var i = 0; i < table.Rows; i++)
                {
                    sink.Reset();
                    table.Write(i, sink);
                    command.ExecuteNonQuery();
                }
            }

            transaction.Commit();
        }

        await ExecSqlite(connection, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
    }

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecSqlite(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed record Table(string Name, string[] Columns, int Rows, Action<int, Sink> Write);

    private static IEnumerable<Table> Tables(DataSet d)
    {
        const string rep = "rep@portal.example";
        yield return new("Warehouses", ["Id", "Code", "Name", "Version"], 1, (_, s) => s.Int(1).Text("MAIN").Text("Main warehouse").Int(0));
        yield return new("Suppliers", ["Id", "Name", "Email", "DefaultLeadTimeDays", "Version"], d.Suppliers.Length, (i, s) =>
        {
            ref readonly var r = ref d.Suppliers[i];
            s.Int(r.Id).Text($"Supplier {r.Id}").Text($"orders{r.Id}@supplier.example").IntNull(r.DefaultLeadTimeDays).Int(0);
        });
        yield return new("Products", ["Id", "Sku", "Name", "UnitPrice", "Currency", "SupplierId", "LeadTimeDays", "PackSize", "IsActive", "Version"],
            d.Products.Length, (i, s) =>
            {
                ref readonly var r = ref d.Products[i];
                s.Int(r.Id).Text($"SKU-{r.Id:D6}").Text($"Product {r.Id}").Money(r.UnitPrice).Text("USD").Int(r.SupplierId).IntNull(r.LeadTimeDays)
                    .Int(1).Bool(true).Int(0);
            });
        yield return new("StockLevels", ["Id", "ProductId", "WarehouseId", "OnHand", "Allocated", "Version"], d.Stock.Length, (i, s) =>
        {
            ref readonly var r = ref d.Stock[i];
            s.Int(r.Id).Int(r.ProductId).Int(DataSet.WarehouseId).Int(r.OnHand).Int(r.Allocated).Int(0);
        });
        yield return new("Customers",
            ["Id", "Code", "Name", "Email", "PriorityTier", "ShipCompleteDefault", "NotificationsOptOut", "IsActive", "SalesRep", "Version"],
            d.Customers.Length, (i, s) =>
            {
                ref readonly var r = ref d.Customers[i];
                s.Int(r.Id).Text($"C{r.Id:D6}").Text($"Customer {r.Id}").Text($"buyer{r.Id}@customer.example").Int(r.Tier)
                    .Bool(r.ShipCompleteDefault).Bool(false).Bool(true).Text(rep).Int(0);
            });
        yield return new("SalesOrders",
            ["Id", "CustomerId", "PriorityTier", "WarehouseId", "SalesRep", "PlacedAt", "RequestedShipDate", "CustomerReference", "ShipComplete", "Expedite",
             "ExpediteReason", "OnHold", "Status", "Version"],
            d.Orders.Length, (i, s) =>
            {
                ref readonly var r = ref d.Orders[i];
                s.Int(r.Id).Int(r.CustomerId).Int(d.Customers[r.CustomerId - 1].Tier).Int(DataSet.WarehouseId).Text(rep).Time(r.PlacedAt).DateNull(r.RequestedShipDate).TextNull(null)
                    .Bool(r.ShipComplete).Bool(r.Expedite).TextNull(r.Expedite ? "Line down at the customer" : null).Bool(r.OnHold).Int(r.Status).Int(0);
            });
        yield return new("SalesOrderLines",
            ["Id", "SalesOrderId", "LineNumber", "ProductId", "UnitPrice",
             "CustomerId", "WarehouseId", "PriorityTier", "Expedite", "RequestedShipDate", "PlacedAt", "ShipComplete", "OnHold", "Ordered", "Allocated", "Shipped", "Cancelled", "Backordered",
             "EtaDate", "EtaBasis", "EtaOverdue", "EtaPurchaseOrderId", "EtaNote", "AllocationNote",
             "NotifiedBackordered", "NotifiedEtaDate", "NotifiedEtaBasis", "NotifiedShipped", "NotifiedCancelled", "Version"],
            d.Lines.Length, (i, s) =>
            {
                ref readonly var r = ref d.Lines[i];
                ref readonly var o = ref d.Orders[r.OrderId - 1];
                s.Int(r.Id).Int(r.OrderId).Int(r.LineNumber).Int(r.ProductId).Money(r.UnitPrice)
                    .Int(o.CustomerId).Int(DataSet.WarehouseId).Int(d.Customers[o.CustomerId - 1].Tier).Bool(o.Expedite)
                    .DateNull(o.RequestedShipDate).Time(o.PlacedAt).Bool(o.ShipComplete).Bool(o.OnHold)
                    .Int(r.Ordered).Int(r.Allocated).Int(r.Shipped).Int(r.Cancelled).Int(r.Backordered)
                    .DateNull(r.EtaDate).Int((int)r.EtaBasis).Bool(r.EtaOverdue).IntNull(r.EtaPurchaseOrderId).TextNull(r.EtaNote).TextNull(r.AllocationNote)
                    .Int(r.NotifiedBackordered).DateNull(r.NotifiedEtaDate).Int((int)r.NotifiedEtaBasis).Int(r.NotifiedShipped).Int(r.NotifiedCancelled)
                    .Int(r.Version);
            });
        yield return new("PurchaseOrders", ["Id", "SupplierId", "WarehouseId", "CreatedBy", "CreatedAt", "Status", "Version"],
            d.PurchaseOrders.Length, (i, s) =>
            {
                ref readonly var r = ref d.PurchaseOrders[i];
                s.Int(r.Id).Int(r.SupplierId).Int(DataSet.WarehouseId).Text("buyer@portal.example").Time(r.CreatedAt).Int(0).Int(0);
            });
        yield return new("PurchaseOrderLines",
            ["Id", "PurchaseOrderId", "LineNumber", "ProductId", "Ordered", "Received", "Cancelled", "ExpectedDate", "UnitCost", "Version"],
            d.PoLines.Length, (i, s) =>
            {
                ref readonly var r = ref d.PoLines[i];
                s.Int(r.Id).Int(r.PurchaseOrderId).Int(r.LineNumber).Int(r.ProductId).Int(r.Ordered).Int(r.Received).Int(0)
                    .Date(r.ExpectedDate).Money(r.UnitCost).Int(0);
            });
        yield return new("PendingAllocations", ["ProductId", "Reason", "MarkedAt", "Version"], d.PendingProducts.Length, (i, s) =>
            s.Int(d.PendingProducts[i]).Text("Receipt").Time(d.Now.AddHours(-1)).Int(0));
        yield return new("Holidays", ["Date", "Name"], d.Holidays.Length, (i, s) => s.Date(d.Holidays[i]).Text("Holiday"));
    }

    private abstract class Sink
    {
        public abstract Sink Int(int value);
        public abstract Sink Bool(bool value);
        public abstract Sink Text(string value);
        public abstract Sink Date(DateOnly value);
        public abstract Sink Time(DateTimeOffset value);
        public abstract Sink Money(decimal value);
        protected abstract Sink Null();

        public Sink IntNull(int? value) => value is { } v ? Int(v) : Null();
        public Sink TextNull(string? value) => value is { } v ? Text(v) : Null();
        public Sink DateNull(DateOnly? value) => value is { } v ? Date(v) : Null();
    }

    private sealed class CopySink(NpgsqlBinaryImporter writer) : Sink
    {
        public override Sink Int(int value) { writer.Write(value, NpgsqlDbType.Integer); return this; }
        public override Sink Bool(bool value) { writer.Write(value, NpgsqlDbType.Boolean); return this; }
        public override Sink Text(string value) { writer.Write(value, NpgsqlDbType.Text); return this; }
        public override Sink Date(DateOnly value) { writer.Write(value, NpgsqlDbType.Date); return this; }
        public override Sink Time(DateTimeOffset value) { writer.Write(value.ToUniversalTime(), NpgsqlDbType.TimestampTz); return this; }
        public override Sink Money(decimal value) { writer.Write(value, NpgsqlDbType.Numeric); return this; }
        protected override Sink Null() { writer.WriteNull(); return this; }
    }

    private sealed class SqliteSink(SqliteParameter[] parameters) : Sink
    {
        private int next;

        public void Reset() => next = 0;

        private Sink Set(object value)
        {
            parameters[next++].Value = value;
            return this;
        }

        public override Sink Int(int value) => Set(value);
        public override Sink Bool(bool value) => Set(value ? 1 : 0);
        public override Sink Text(string value) => Set(value);
        public override Sink Date(DateOnly value) => Set(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        public override Sink Time(DateTimeOffset value) => Set(SqliteUtcTextConverter.ToText(value));
        public override Sink Money(decimal value) => Set((double)value);
        protected override Sink Null() => Set(DBNull.Value);
    }
}
