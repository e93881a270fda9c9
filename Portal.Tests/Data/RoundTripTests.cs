using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Allocation;
using Portal.Domain.Notifications;
using Portal.Domain.Purchasing;
using Portal.Domain.Warehouse;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Data;

/// <summary>
/// Each aggregate, written through the domain in one context and read back in another, has every mapped value it
/// was written with. Timestamps carry odd UTC offsets and money has four decimals on purpose.
/// </summary>
public abstract class RoundTripTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private static readonly DateTimeOffset Earlier = new(2026, 11, 20, 14, 30, 15, 123, TimeSpan.Zero);

    [Fact]
    public void Product_with_its_supplier_reads_back_as_written()
    {
        using var write = NewContext();
        var data = new TestData(write);
        var supplier = data.AddSupplier("Acme Fasteners", defaultLeadTimeDays: 12);
        var product = data.AddProduct("bolt-m8", unitPrice: 1234.5678m, supplier: supplier, leadTimeDays: 7, packSize: 50);
        product.SetPrice(0.0001m, "eur");
        write.SaveChanges();

        using var read = NewContext();
        var loaded = read.Products.Include(p => p.Supplier).Single(p => p.Id == product.Id);
        RoundTripAssert.SameMappedValues(read, product, loaded);
        RoundTripAssert.SameMappedValues(read, supplier, loaded.Supplier!);
        Assert.Equal("BOLT-M8", loaded.Sku);
        Assert.Equal("EUR", loaded.Currency);
    }

    [Fact]
    public void Product_without_supplier_or_lead_time_reads_back_with_nulls()
    {
        using var write = NewContext();
        var product = new TestData(write).AddProduct(leadTimeDays: null);

        using var read = NewContext();
        var loaded = read.Products.Single(p => p.Id == product.Id);
        RoundTripAssert.SameMappedValues(read, product, loaded);
        Assert.Null(loaded.SupplierId);
        Assert.Null(loaded.LeadTimeDays);
    }

    [Fact]
    public void Stock_level_reads_back_as_written()
    {
        using var write = NewContext();
        var data = new TestData(write);
        var stock = data.AddStock(data.AddProduct(), data.AddWarehouse(), onHand: 40);
        stock.SetAllocated(15);
        write.SaveChanges();

        using var read = NewContext();
        var loaded = read.StockLevels.Single(s => s.Id == stock.Id);
        RoundTripAssert.SameMappedValues(read, stock, loaded);
        Assert.Equal(25, loaded.Available);
    }

    [Fact]
    public void Customer_reads_back_as_written()
    {
        using var write = NewContext();
        var customer = new TestData(write).AddCustomer("c-77", priorityTier: 1, email: " orders@harbour.example ", salesRep: "anna");
        customer.SetShipCompleteDefault(true);
        customer.SetNotificationsOptOut(true);
        customer.Deactivate();
        write.SaveChanges();

        using var read = NewContext();
        var loaded = read.Customers.Single(c => c.Id == customer.Id);
        RoundTripAssert.SameMappedValues(read, customer, loaded);
        Assert.Equal("C-77", loaded.Code);
        Assert.Equal("orders@harbour.example", loaded.Email);
    }

    [Fact]
    public void Sales_order_with_its_lines_and_promises_reads_back_as_written()
    {
        using var write = NewContext();
        var data = new TestData(write);
        var customer = data.AddCustomer();
        var (widget, gadget) = (data.AddProduct(unitPrice: 19.99m), data.AddProduct(unitPrice: 0.3333m));
        var placedInNewYork = new DateTimeOffset(2026, 11, 20, 17, 45, 0, TimeSpan.FromHours(-5));
        var order = data.AddSalesOrder(customer, data.AddWarehouse(), placedInNewYork, [(widget, 10), (gadget, 3)], requestedShipDate: new DateOnly(2026, 12, 1));
        order.MarkExpedite("Line down at the customer");
        order.Lines[0].Allocate(4);
        order.Lines[0].SetPromise(new DateOnly(2026, 12, 4), EtaBasis.PurchaseOrder, overdue: true, purchaseOrderId: 42, "PO-000042 lands 2 Dec", "4 of 10 reserved");
        order.Ship(1, 2);
        order.Cancel(2, 1);
        write.SaveChanges();

        using var read = NewContext();
        var loaded = read.SalesOrders.Include(o => o.Lines).Single(o => o.Id == order.Id);
        RoundTripAssert.SameMappedValues(read, order, loaded);
        Assert.Equal(2, loaded.Lines.Count);
        foreach (var line in order.Lines)
        {
            RoundTripAssert.SameMappedValues(read, line, loaded.Line(line.LineNumber));
        }

        Assert.Equal(placedInNewYork, loaded.PlacedAt);
        Assert.Equal((10, 2, 2, 0, 6), (loaded.Line(1).Ordered, loaded.Line(1).Allocated, loaded.Line(1).Shipped, loaded.Line(1).Cancelled, loaded.Line(1).Backordered));
        Assert.Equal(EtaBasis.PurchaseOrder, loaded.Line(1).EtaBasis);
    }

    [Fact]
    public void Purchase_order_with_its_lines_reads_back_as_written()
    {
        using var write = NewContext();
        var data = new TestData(write);
        var supplier = data.AddSupplier();
        var product = data.AddProduct(unitPrice: 8.125m, supplier: supplier);
        var order = data.AddPurchaseOrder(supplier, data.AddWarehouse(), [(product, 100, new DateOnly(2026, 12, 2)), (product, 20, new DateOnly(2027, 1, 15))]);
        order.Receive(1, 30);
        order.ChangeExpectedDate(2, new DateOnly(2027, 1, 8), today: new DateOnly(2026, 11, 23));
        write.SaveChanges();

        using var read = NewContext();
        var loaded = read.PurchaseOrders.Include(o => o.Lines).Include(o => o.Supplier).Single(o => o.Id == order.Id);
        RoundTripAssert.SameMappedValues(read, order, loaded);
        foreach (var line in order.Lines)
        {
            RoundTripAssert.SameMappedValues(read, line, loaded.Line(line.LineNumber));
        }

        Assert.Equal(70, loaded.Line(1).Open);
        Assert.Equal(supplier.Name, loaded.Supplier.Name);
    }

    [Fact]
    public void Receipt_shipment_and_stock_adjustment_read_back_as_written()
    {
        using var write = NewContext();
        var data = new TestData(write);
        var (warehouse, supplier, customer) = (data.AddWarehouse(), data.AddSupplier(), data.AddCustomer());
        var product = data.AddProduct(supplier: supplier);
        var purchase = data.AddPurchaseOrder(supplier, warehouse, [(product, 10, TestData.Today)]);
        var sale = data.AddSalesOrder(customer, warehouse, lines: [(product, 5)]);
        sale.Lines[0].Allocate(5);
        write.SaveChanges();
        var receipt = data.Save(new Receipt(purchase.Lines[0].Id, 10, "dock-1", Earlier.ToOffset(TimeSpan.FromHours(9))));
        var shipment = data.Save(new Shipment(sale.Id, sale.Lines[0].Id, 5, "packer-2", Earlier.AddHours(3)));
        var adjustment = data.Save(new StockAdjustment(product.Id, warehouse.Id, -3, "Damaged in storage", "counter-1", Earlier.AddMinutes(-90)));

        using var read = NewContext();
        RoundTripAssert.SameMappedValues(read, receipt, read.Receipts.Single(r => r.Id == receipt.Id));
        RoundTripAssert.SameMappedValues(read, shipment, read.Shipments.Single(s => s.Id == shipment.Id));
        RoundTripAssert.SameMappedValues(read, adjustment, read.StockAdjustments.Single(a => a.Id == adjustment.Id));
    }

    [Fact]
    public void Customer_notice_with_its_events_and_attempts_reads_back_as_written()
    {
        using var write = NewContext();
        var data = new TestData(write);
        var customer = data.AddCustomer();
        var order = data.AddSalesOrder(customer, data.AddWarehouse(), lines: [(data.AddProduct(), 8), (data.AddProduct(), 2)]);
        var notice = new CustomerNotice(order.Id, customer.Id, Earlier, TimeSpan.FromMinutes(10));
        notice.Add(new NoticeEvent(order.Lines[0].Id, NoticeKind.Backordered, 8, new DateOnly(2026, 12, 9), "Waiting for PO-000007", Earlier));
        notice.Add(new NoticeEvent(order.Lines[1].Id, NoticeKind.EtaUnknown, 2, null, null, Earlier.AddSeconds(1)));
        notice.Render(customer.Email!, "Your order SO-000001", "text body", "<p>html body</p>", new string('a', 64));
        notice.MarkAttemptFailed(Earlier.AddMinutes(10), "421 try again later", retryAt: Earlier.AddMinutes(15));
        notice.MarkSent(Earlier.AddMinutes(15));
        data.Save(notice);

        using var read = NewContext();
        var loaded = read.CustomerNotices.Include(n => n.Events).Include(n => n.Attempts).Single(n => n.Id == notice.Id);
        RoundTripAssert.SameMappedValues(read, notice, loaded);
        Assert.Equal(NoticeStatus.Sent, loaded.Status);
        Assert.Equal(2, loaded.Events.Count);
        foreach (var written in notice.Events)
        {
            RoundTripAssert.SameMappedValues(read, written, loaded.Events.Single(e => e.Id == written.Id));
        }

        Assert.Equal(2, loaded.Attempts.Count);
        foreach (var written in notice.Attempts)
        {
            RoundTripAssert.SameMappedValues(read, written, loaded.Attempts.Single(a => a.Id == written.Id));
        }
    }

    [Fact]
    public void Audit_event_reads_back_as_written()
    {
        using var write = NewContext();
        var audit = new TestData(write).Save(new AuditEvent(Earlier, "admin@portal.example", "SalesOrder", "17", "Expedite", new string('x', 2500)));

        using var read = NewContext();
        var loaded = read.AuditEvents.Single(a => a.Id == audit.Id);
        RoundTripAssert.SameMappedValues(read, audit, loaded);
        Assert.Equal(2000, loaded.Details!.Length);
    }

    [Fact]
    public void Pending_allocation_reads_back_as_written()
    {
        using var write = NewContext();
        var data = new TestData(write);
        var pending = data.Save(new PendingAllocation(data.AddProduct().Id, "receipt on PO-000003", Earlier));

        using var read = NewContext();
        RoundTripAssert.SameMappedValues(read, pending, read.PendingAllocations.Single(p => p.ProductId == pending.ProductId));
    }

    [Fact]
    public void Settings_holiday_and_backlog_snapshot_read_back_as_written()
    {
        using var write = NewContext();
        var data = new TestData(write);
        var settings = write.Settings.Single(); // the migrations seed the one row
        settings.ChangeDates(pickDays: 2, receivingDays: 0, etaMoveThresholdDays: 3, leadTimeMoveThresholdDays: 7, quietWindowMinutes: 45);
        settings.ChangeWorkingDays(WorkWeek.Of([DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Saturday]));
        settings.ChangeSender("Acme Supplies", "orders@acme.example");
        settings.ChangeSmtp(enabled: true, "smtp.acme.example", 587, requireTls: true, "portal");
        settings.ReplaceSmtpPassword("CfDJ8-sealed-password");
        write.SaveChanges();
        var holiday = data.Save(new Holiday(new DateOnly(2026, 12, 25), "Christmas Day"));
        var snapshot = data.Save(new BacklogSnapshot
        {
            Date = new DateOnly(2026, 11, 22),
            BackorderedLines = 12,
            BackorderedUnits = 340,
            BackorderedValue = 98765.4321m,
            UnitsAged0To7 = 100,
            UnitsAged8To30 = 200,
            UnitsAged31To60 = 30,
            UnitsAgedOver60 = 10,
        });

        using var read = NewContext();
        RoundTripAssert.SameMappedValues(read, settings, read.Settings.Single());
        Assert.Equal(PortalSettings.SingletonId, read.Settings.Single().Id);
        RoundTripAssert.SameMappedValues(read, holiday, read.Holidays.Single(h => h.Date == new DateOnly(2026, 12, 25)));
        RoundTripAssert.SameMappedValues(read, snapshot, read.BacklogSnapshots.Single(s => s.Date == snapshot.Date));
    }
}

public sealed class RoundTripTestsOnSqlite() : RoundTripTests(DatabaseProvider.Sqlite);

public sealed class RoundTripTestsOnPostgres() : RoundTripTests(DatabaseProvider.Postgres);

public sealed class RoundTripTestsOnSqlServer() : RoundTripTests(DatabaseProvider.SqlServer);
