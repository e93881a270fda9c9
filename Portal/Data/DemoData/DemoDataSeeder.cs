using Microsoft.AspNetCore.Identity;
using Portal.Domain.Allocation;
using Portal.Domain.Catalog;
using Portal.Domain.Purchasing;
using Portal.Domain.Sales;
using Portal.Domain.Warehouse;
using Portal.Identity;

namespace Portal.Data.DemoData;

/// <summary>
/// A distributor's worth of believable data: a few hundred products, dozens of customers and suppliers, orders
/// with real shortages and purchase orders on the way. Seeded from a fixed random seed so every new database
/// looks the same. Every product is marked for allocation, so the first allocation run reserves stock.
/// </summary>
public sealed class DemoDataSeeder(PortalDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, ILogger<DemoDataSeeder> logger)
{
    private static readonly string[] Categories = ["Hex bolt", "Wood screw", "Pipe clamp", "Ball valve", "Cable tie", "Hinge", "Drill bit", "Wall plug", "Fuse", "Gasket", "Bearing", "Hose", "Padlock", "Sealant", "Washer"];
    private static readonly string[] Variants = ["M6", "M8", "M10", "M12", "small", "large", "stainless", "zinc", "brass", "heavy duty", "blue", "black", "20 mm", "50 mm", "1/2 in", "3/4 in", "pack of 10", "pack of 50", "outdoor", "industrial"];
    private static readonly string[] CustomerNames = ["Acme Builders", "Northwind Plumbing", "Contoso Electric", "Fabrikam Facilities", "Harbor Hardware", "Summit Roofing", "Riverbend Supply", "Oak & Iron", "Bluewater Marine", "Granite Works", "Pioneer Mechanical", "Keystone HVAC", "Lakeside Homes", "Metro Maintenance", "Redwood Joinery", "Silverline Fitters", "Tristate Tools", "Urban Renovations", "Valley Irrigation", "Westgate Garage", "Apex Fabrication", "Beacon Property", "Cedar Cabinets", "Delta Drainage", "Evergreen Landscapes", "Falcon Fleet", "Golden Gate Glazing", "Highland Heating", "Ironclad Fencing", "Juniper Interiors", "Kingfisher Pools", "Lighthouse Electrical", "Maple Street Cafe", "Nordic Saunas", "Orion Signs", "Prairie Farms", "Quarry Stoneworks", "Ridge Solar", "Sterling Shopfitters", "Timberline Decks", "Unity Schools", "Vertex Labs"];
    private static readonly string[] SupplierNames = ["Fastenal Trading", "Boltmaster GmbH", "Pacific Fittings", "Eastern Valve Co", "Unistrut Partners", "Midwest Metals", "Coastal Seals", "Ridgeway Electric Supply", "Atlas Tools", "Nordic Components", "Sunrise Plastics", "Keller Hardware Import"];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var random = new Random(20261122);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        await SeedUsersAsync();

        var warehouse = new Domain.Warehouse.Warehouse("MAIN", "Main distribution center");
        db.Warehouses.Add(warehouse);
        var suppliers = SupplierNames.Select((name, i) => new Supplier(name, $"orders@{Slug(name)}.example", i % 6 == 5 ? null : random.Next(5, 31))).ToList();
        db.Suppliers.AddRange(suppliers);
        await db.SaveChangesAsync(cancellationToken);

        var products = new List<Product>();
        for (var i = 0; i < 300; i++)
        {
            var supplier = suppliers[random.Next(suppliers.Count)];
            var leadTime = supplier.DefaultLeadTimeDays is { } days && random.Next(20) > 0 ? days + random.Next(-2, 3) : (int?)null;
            var name = $"{Categories[i % Categories.Length]}, {Variants[(i / Categories.Length) % Variants.Length]}";
            var price = Math.Round((decimal)(random.NextDouble() * random.NextDouble() * 400 + 1.5), 2);
            products.Add(new Product($"BP-{10000 + i}", name, price, supplier.Id, leadTime is < 0 ? 0 : leadTime, packSize: new[] { 1, 1, 5, 10, 25 }[random.Next(5)]));
        }

        db.Products.AddRange(products);
        await db.SaveChangesAsync(cancellationToken);

        // About a third of the range is short: little or nothing on the shelf.
        db.StockLevels.AddRange(products.Select(p => new StockLevel(p.Id, warehouse.Id, random.Next(3) == 0 ? random.Next(0, 8) : random.Next(20, 400))));

        var reps = new[] { DemoUsers.All[0].Email, "jordan.rep@demo.local" };
        var customers = CustomerNames.Select((name, i) => new Customer(
            $"C{1001 + i}", name, i % 13 == 7 ? null : $"purchasing@{Slug(name)}.example", 1 + random.Next(5), reps[i % reps.Length], shipCompleteDefault: i % 5 == 0)).ToList();
        customers[3].SetNotificationsOptOut(true);
        string[] streets = ["Harbour Road", "Mill Lane", "Station Street", "Kingsway", "Foundry Row"], towns = ["Leeds LS1 4AP", "Bristol BS1 6QF", "York YO1 7HH"];
        foreach (var (customer, i) in customers.Select((c, i) => (c, i)).Where(c => c.i % 9 != 4)) // a few have none on file
        {
            customer.SetShippingAddress($"{customer.Name}\nGoods in, Unit {1 + i % 30}\n{10 + i * 7 % 190} {streets[i % streets.Length]}\n{towns[i % towns.Length]}");
        }

        db.Customers.AddRange(customers);
        await db.SaveChangesAsync(cancellationToken);

        SeedSalesOrders(random, now, warehouse.Id, customers, products);
        SeedPurchaseOrders(random, now, today, warehouse.Id, products);
        db.PendingAllocations.AddRange(products.Select(p => new PendingAllocation(p.Id, "Demo data", now)));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded demo data: {Products} products, {Customers} customers, {Suppliers} suppliers.", products.Count, customers.Count, suppliers.Count);
    }

    private void SeedSalesOrders(Random random, DateTimeOffset now, int warehouseId, List<Customer> customers, List<Product> products)
    {
        for (var i = 0; i < 400; i++)
        {
            var customer = customers[random.Next(customers.Count)];
            var placed = now.AddDays(-random.Next(0, 75)).AddMinutes(-random.Next(0, 600));
            DateOnly? requested = random.Next(3) == 0 ? DateOnly.FromDateTime(placed.UtcDateTime).AddDays(random.Next(3, 30)) : null;
            var order = new SalesOrder(customer, warehouseId, customer.SalesRep ?? DemoUsers.All[0].Email, placed, requested);
            if (random.Next(25) == 0)
            {
                order.MarkExpedite("Customer line-down situation");
            }

            foreach (var product in products.OrderBy(_ => random.Next()).Take(random.Next(1, 6)))
            {
                order.AddLine(product.Id, random.Next(1, 12) * (random.Next(4) == 0 ? 10 : 1), product.UnitPrice);
            }

            db.SalesOrders.Add(order);
        }
    }

    private void SeedPurchaseOrders(Random random, DateTimeOffset now, DateOnly today, int warehouseId, List<Product> products)
    {
        foreach (var group in products.Where(p => p.SupplierId is not null).GroupBy(p => p.SupplierId!.Value))
        {
            foreach (var batch in group.Where(_ => random.Next(2) == 0).Chunk(6))
            {
                var po = new PurchaseOrder(group.Key, warehouseId, DemoUsers.All[1].Email, now.AddDays(-random.Next(1, 20)));
                var expected = today.AddDays(random.Next(-4, 40)); // a few are already overdue
                foreach (var product in batch)
                {
                    po.AddLine(product.Id, product.PackSize * random.Next(2, 30), expected, Math.Round(product.UnitPrice * 0.6m, 2));
                }

                db.PurchaseOrders.Add(po);
            }
        }

        // Every product has been bought before, so a new purchase order finds its last cost.
        var bought = db.ChangeTracker.Entries<PurchaseOrder>().SelectMany(e => e.Entity.Lines).Select(l => l.ProductId).ToHashSet();
        foreach (var group in products.Where(p => p.SupplierId is not null && !bought.Contains(p.Id)).GroupBy(p => p.SupplierId!.Value))
        {
            var history = new PurchaseOrder(group.Key, warehouseId, DemoUsers.All[1].Email, now.AddDays(-random.Next(60, 120)));
            foreach (var product in group)
            {
                history.AddLine(product.Id, product.PackSize * random.Next(2, 30), today.AddDays(-random.Next(20, 50)), Math.Round(product.UnitPrice * 0.6m, 2));
            }

            foreach (var line in history.Lines.ToList())
            {
                history.Receive(line.LineNumber, line.Ordered);
            }

            db.PurchaseOrders.Add(history);
        }
    }

    private async Task SeedUsersAsync()
    {
        foreach (var (email, name, role) in DemoUsers.All)
        {
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            var created = await users.CreateAsync(user, DemoUsers.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, role);
        }
    }

    private static string Slug(string name) => new(name.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}
