using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Benchmarks.Database;
using Portal.Benchmarks.Harness;
using Portal.Data;
using Portal.Domain.Catalog;
using Portal.Domain.Purchasing;
using Portal.Domain.Sales;
using Portal.Domain.Warehouse;
using Portal.Features.Allocation;
using Portal.Features.Notifications;
using Portal.Features.Purchasing;
using Portal.Features.Warehouse;
using Portal.Features.Warehouse.Receiving;
using Portal.Hosting;

namespace Portal.Benchmarks.Jobs;

/// <summary>
/// Time from a receipt's commit to the waiting line showing its allocation, through the portal's own services and job
/// server (Hangfire with the provider's storage, as an instance runs it): the receiving service commits the receipt and
/// enqueues the product's run; the clock stops when a reader sees the line allocated.
/// </summary>
public static class ReceiptLatencyBenchmark
{
    private const int Receipts = 50;

    public static async Task RunAsync(DatabaseHost host)
    {
        var name = await host.CreateEmptyAsync();
        var connectionString = host.ConnectionString(name);
        var (purchaseOrderId, productId) = await SeedAsync(host.ContextFactory(name));

        using var portal = StartPortal(host.Provider, connectionString);
        await portal.StartAsync();
        Console.WriteLine("   portal services and job server started");
        var receiving = portal.Services.CreateScope().ServiceProvider.GetRequiredService<ReceivingService>();
        var reader = host.ContextFactory(name);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the start-up sweep and sender run first

        var samples = new Samples();
        for (var i = 1; i <= Receipts; i++)
        {
            var refused = await receiving.ReceiveAsync(purchaseOrderId, 1, 1, "benchmark");
            var committed = Stopwatch.StartNew();
            if (refused is not null) throw new InvalidOperationException(refused);
            while (await AllocatedAsync(reader, productId) < i)
            {
                if (committed.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"Receipt {i} was not allocated within 30 s.");
                await Task.Delay(5);
            }

            samples.Add(committed.Elapsed);
        }

        Console.WriteLine($"   receipt committed -> line allocated, {Receipts} receipts: {samples.SummaryWithP95()}");
        Console.WriteLine($"   all: {samples.All()}");
        await portal.StopAsync();
    }

    private static IHost StartPortal(DatabaseProvider provider, string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:Mode"] = "Pickup",
            ["Email:PickupFolder"] = Path.Combine(Path.GetTempPath(), $"portal-bench-mail-{Environment.ProcessId}"),
        });
        builder.Services.AddSingleton(TimeProvider.System)
            .AddPortalDbContext(provider, connectionString)
            .AddAllocation().AddPurchasing().AddWarehouse().AddNotifications(builder.Configuration)
            .AddPortalJobs(new DatabaseOptions { Provider = provider, ConnectionString = connectionString }, new JobsOptions());
        return builder.Build();
    }

    private static async Task<int> AllocatedAsync(IDbContextFactory<PortalDbContext> factory, int productId)
    {
        await using var db = factory.CreateDbContext();
        return await db.SalesOrderLines.Where(l => l.ProductId == productId).SumAsync(l => l.Allocated);
    }

    /// <summary>One product, nothing on hand, 50 orders of one unit waiting, and a purchase order for 50 on its way.</summary>
    private static async Task<(int PurchaseOrderId, int ProductId)> SeedAsync(IDbContextFactory<PortalDbContext> factory)
    {
        await using var db = factory.CreateDbContext();
        var warehouse = new Warehouse("MAIN", "Main");
        var supplier = new Supplier("Supplier", "orders@supplier.example", 10);
        db.AddRange(warehouse, supplier);
        await db.SaveChangesAsync();
        var product = new Product("BENCH-1", "Benchmark bolt", 2m, supplier.Id, 10, packSize: 1);
        db.Add(product);
        await db.SaveChangesAsync();
        db.Add(new StockLevel(product.Id, warehouse.Id, 0));
        var now = DateTimeOffset.UtcNow;
        var customers = Enumerable.Range(0, Receipts)
            .Select(i => new Customer($"C{i}", $"Customer {i}", $"c{i}@customer.example", 1 + i % 5, "rep@portal.example")).ToList();
        db.AddRange(customers);
        await db.SaveChangesAsync();
        foreach (var (customer, i) in customers.Select((c, i) => (c, i)))
        {
            var order = new SalesOrder(customer, warehouse.Id, "rep@portal.example", now.AddMinutes(-i), null);
            order.AddLine(product.Id, 1, product.UnitPrice);
            db.Add(order);
        }

        var purchaseOrder = new PurchaseOrder(supplier.Id, warehouse.Id, "buyer@portal.example", now);
        purchaseOrder.AddLine(product.Id, Receipts, DateOnly.FromDateTime(now.UtcDateTime).AddDays(7), unitCost: 1m);
        db.Add(purchaseOrder);
        await db.SaveChangesAsync();
        return (purchaseOrder.Id, product.Id);
    }
}
