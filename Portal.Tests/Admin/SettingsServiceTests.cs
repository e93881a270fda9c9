using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Features.Admin;
using Portal.Features.Admin.Settings;
using Portal.Features.Allocation;
using Portal.Features.Notifications.Delivery;
using Portal.Tests.Allocation.Service;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

public sealed class SettingsServiceTestsOnSqlite() : SettingsServiceTests(DatabaseProvider.Sqlite);

public sealed class SettingsServiceTestsOnPostgres() : SettingsServiceTests(DatabaseProvider.Postgres);

public sealed class SettingsServiceTestsOnSqlServer() : SettingsServiceTests(DatabaseProvider.SqlServer);

/// <summary>Admin → Settings: every field in its range, an audit row with before and after, dates that follow the calendar.</summary>
public abstract class SettingsServiceTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private readonly ManualClock clock = new(AllocationScenario.Now); // Monday 23 November 2026
    private readonly RecordingJobClient jobs = new();
    private readonly IDataProtectionProvider dataProtection = new EphemeralDataProtectionProvider();

    private EmailSettingsSource Email(EmailOptions? configured = null) =>
        new(new TestDbContextFactory(Db), Options.Create(configured ?? new EmailOptions { PickupFolder = "/srv/portal/mail-pickup" }),
            new SmtpPasswordProtector(dataProtection));

    private SettingsService Service() =>
        new(new TestDbContextFactory(Db), new SmtpPasswordProtector(dataProtection), Email(),
            new AllocationScheduler(jobs, NullLogger<AllocationScheduler>.Instance), clock);

    private AllocationService Allocation() =>
        new(new TestDbContextFactory(Db), new RecordingNoticeQueue(), clock, NullLogger<AllocationService>.Instance);

    public static TheoryData<string, string> OutOfRange => new()
    {
        { "PickDays=31", "Pick days must be between 0 and 30; got 31." },
        { "PickDays=-1", "Pick days must be between 0 and 30; got -1." },
        { "ReceivingDays=31", "Receiving days must be between 0 and 30; got 31." },
        { "EtaMoveThresholdDays=0", "ETA change threshold must be between 1 and 30; got 0." },
        { "LeadTimeMoveThresholdDays=31", "Lead-time re-announce threshold must be between 1 and 30; got 31." },
        { "QuietWindowMinutes=1441", "Quiet window must be between 0 and 1,440; got 1441." },
        { "LaterDateQuestionDays=0", "Later-date question threshold must be between 1 and 60; got 0." },
        { "UnansweredReminderDays=31", "Unanswered question reminder must be between 1 and 30; got 31." },
        { "WorkingDays=none", "Working days: pick at least one day of the week." },
        { "CompanyName=long", "Company name is longer than 100 characters." },
        { "SenderAddress=backorders", "Sender address \"backorders\" is not an email address." },
        { "SmtpHost=missing", "SMTP server is required to send through your own server." },
        { "SmtpHost=smtp example", "SMTP server \"smtp example\" is not a host name or IP address." },
        { "SmtpPort=0", "SMTP port must be between 1 and 65,535; got 0." },
        { "SmtpPort=65536", "SMTP port must be between 1 and 65,535; got 65536." },
        { "SmtpPassword=long", "SMTP password is longer than 256 characters." },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task Each_field_refuses_a_value_out_of_its_range_with_its_message_and_keeps_the_old_one(string change, string message)
    {
        var service = Service();
        var before = await service.GetAsync();

        Assert.Equal(message, await service.SaveAsync(Changed(before, change), "ada@portal.example"));

        Assert.Equal(before, await service.GetAsync());
        await using var db = NewContext();
        Assert.Empty(await db.AuditEvents.ToListAsync());
        Assert.Empty(await db.PendingAllocations.ToListAsync());
    }

    [Fact]
    public async Task A_save_audits_each_changed_field_with_before_and_after_and_marks_every_product_for_allocation()
    {
        await using (var db = NewContext())
        {
            var data = await new AllocationScenario(db).WithWarehouseAsync();
            await data.ProductAsync(onHand: 5);
            await data.ProductAsync(onHand: 0);
            db.PendingAllocations.RemoveRange(db.PendingAllocations);
            await db.SaveChangesAsync();
        }

        var service = Service();
        var form = await service.GetAsync();
        var saturday = WorkWeek.Of([.. WorkWeek.MondayToFriday.Days, DayOfWeek.Saturday]);

        Assert.Null(await service.SaveAsync(form with { WorkingDays = saturday, PickDays = 2, LeadTimeMoveThresholdDays = 10, CompanyName = "Acme Supplies" }, "ada@portal.example"));

        var saved = await service.GetAsync();
        Assert.Equal((saturday, 2, 10, "Acme Supplies", form.Version + 1), (saved.WorkingDays, saved.PickDays, saved.LeadTimeMoveThresholdDays, saved.CompanyName, saved.Version));
        await using var check = NewContext();
        var audit = Assert.Single(await check.AuditEvents.ToListAsync());
        Assert.Equal(("ada@portal.example", "Settings", "Changed settings"), (audit.User, audit.Entity, audit.Action));
        Assert.Equal("Working days: Mon–Fri → Mon–Sat; Pick days: 1 → 2; Lead-time re-announce threshold: 5 business days → 10 business days; Company name: none → Acme Supplies",
            audit.Details);
        Assert.Equal(await check.Products.Select(p => p.Id).OrderBy(id => id).ToListAsync(),
            await check.PendingAllocations.Select(p => p.ProductId).OrderBy(id => id).ToListAsync());
        Assert.Equal(1, jobs.SweepsRequested);
    }

    [Fact]
    public async Task A_change_that_moves_no_date_marks_no_product()
    {
        await using (var db = NewContext())
        {
            await (await new AllocationScenario(db).WithWarehouseAsync()).ProductAsync(onHand: 5);
            db.PendingAllocations.RemoveRange(db.PendingAllocations);
            await db.SaveChangesAsync();
        }

        var service = Service();
        Assert.Null(await service.SaveAsync(await service.GetAsync() with { QuietWindowMinutes = 15, LaterDateQuestionDays = 10, SenderAddress = "orders@acme.example" }, "ada"));

        await using var check = NewContext();
        Assert.Empty(await check.PendingAllocations.ToListAsync());
        Assert.Equal(0, jobs.SweepsRequested);
        Assert.Equal("Quiet window: 10 minutes → 15 minutes; Later-date question threshold: 5 business days → 10 business days; "
            + "Sender address: as configured → orders@acme.example", (await check.AuditEvents.SingleAsync()).Details);
    }

    [Fact]
    public async Task A_stale_save_is_refused_and_the_other_admins_values_stay()
    {
        var service = Service();
        var read = await service.GetAsync();
        Assert.Null(await service.SaveAsync(read with { PickDays = 3 }, "first"));

        Assert.Equal(SettingsService.StaleMessage, await service.SaveAsync(read with { ReceivingDays = 4 }, "second"));

        var now = await service.GetAsync();
        Assert.Equal((3, 1), (now.PickDays, now.ReceivingDays));
        await using var db = NewContext();
        Assert.Equal(["first"], await db.AuditEvents.Select(a => a.User).ToListAsync());
    }

    [Fact]
    public async Task Saving_nothing_new_is_said_and_not_audited()
    {
        var service = Service();
        Assert.Equal("Nothing changed.", await service.SaveAsync(await service.GetAsync(), "ada"));
        await using var db = NewContext();
        Assert.Empty(await db.AuditEvents.ToListAsync());
    }

    [Fact]
    public async Task The_SMTP_password_is_stored_sealed_never_read_back_and_audited_only_as_changed()
    {
        const string password = "Sm7p-S3cret!";
        var service = Service();
        var form = await service.GetAsync();
        Assert.False(form.SmtpPasswordSet);

        Assert.Null(await service.SaveAsync(form with
        {
            SmtpEnabled = true, SmtpHost = "smtp.acme.example", SmtpPort = 587, SmtpRequireTls = true, SmtpUserName = "portal", NewSmtpPassword = password,
        }, "ada"));

        var read = await service.GetAsync();
        Assert.True(read.SmtpPasswordSet);
        Assert.Null(read.NewSmtpPassword);
        await using (var db = NewContext())
        {
            var stored = (await db.Settings.SingleAsync()).ProtectedSmtpPassword;
            Assert.False(string.IsNullOrEmpty(stored));
            Assert.DoesNotContain(password, stored);
            var audit = await db.AuditEvents.SingleAsync();
            Assert.EndsWith("SMTP user name: none → portal; SMTP password set", audit.Details);
            Assert.DoesNotContain(password, audit.Details);
        }

        // Delivery reads it back through the same protection; a save without a new password keeps it.
        Assert.Null(await service.SaveAsync(read with { SmtpPort = 25 }, "ada"));
        var delivery = await Email().CurrentAsync();
        Assert.Equal((EmailMode.Smtp, "smtp.acme.example", 25, true, "portal", password),
            (delivery.Mode, delivery.Smtp.Host, delivery.Smtp.Port, delivery.Smtp.EnableSsl, delivery.Smtp.UserName, delivery.Smtp.Password));

        Assert.Null(await service.SaveAsync(await service.GetAsync() with { NewSmtpPassword = "An0ther!" }, "ada"));
        Assert.Null(await service.SaveAsync(await service.GetAsync() with { RemoveSmtpPassword = true }, "ada"));
        Assert.False((await service.GetAsync()).SmtpPasswordSet);
        Assert.Null((await Email().CurrentAsync()).Smtp.Password);
        await using var check = NewContext();
        Assert.Equal(["SMTP port: 587 → 25", "SMTP password changed", "SMTP password removed"],
            await check.AuditEvents.OrderBy(a => a.Id).Skip(1).Select(a => a.Details).ToListAsync());
    }

    [Fact]
    public async Task A_password_sealed_with_keys_that_are_gone_is_said_to_be_unreadable_and_delivery_says_why()
    {
        var service = Service();
        Assert.Null(await service.SaveAsync(await service.GetAsync() with { SmtpEnabled = true, SmtpHost = "smtp.acme.example", NewSmtpPassword = "Sm7p-S3cret!" }, "ada"));
        Assert.False((await service.GetAsync()).SmtpPasswordUnreadable);

        // Another key ring: what a lost DataProtectionKeys table leaves behind.
        var otherKeys = new SmtpPasswordProtector(new EphemeralDataProtectionProvider());
        var elsewhere = new SettingsService(new TestDbContextFactory(Db), otherKeys, Email(), new AllocationScheduler(jobs, NullLogger<AllocationScheduler>.Instance), clock);
        var read = await elsewhere.GetAsync();
        Assert.True(read.SmtpPasswordSet && read.SmtpPasswordUnreadable);
        var delivery = new EmailSettingsSource(new TestDbContextFactory(Db), Options.Create(new EmailOptions()), otherKeys);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => delivery.CurrentAsync());
        Assert.StartsWith("The SMTP password saved under Admin → Settings can no longer be read", error.Message);
    }

    [Fact]
    public async Task What_an_admin_sets_for_email_replaces_the_configuration_and_what_is_left_empty_falls_back_to_it()
    {
        var configured = new EmailOptions
        {
            Mode = EmailMode.Pickup, From = "backorders@portal.local", PickupFolder = "/srv/portal/mail-pickup",
            Smtp = new SmtpOptions { Host = "configured.example", Port = 2525, UserName = "configured", Password = "configured-secret" },
        };
        var service = Service();

        var untouched = await Email(configured).CurrentAsync();
        Assert.Equal((EmailMode.Pickup, "backorders@portal.local", null, "configured.example"), (untouched.Mode, untouched.From, untouched.SenderName, untouched.Smtp.Host));

        Assert.Null(await service.SaveAsync(await service.GetAsync() with
        {
            CompanyName = "Acme Supplies", SenderAddress = "orders@acme.example", SmtpEnabled = true, SmtpHost = "smtp.acme.example", SmtpPort = 587,
        }, "ada"));
        var set = await Email(configured).CurrentAsync();
        // The server set here replaces the configured one whole: no configured user or password rides along.
        Assert.Equal((EmailMode.Smtp, "orders@acme.example", "Acme Supplies", "smtp.acme.example", 587, null, null),
            (set.Mode, set.From, set.SenderName, set.Smtp.Host, set.Smtp.Port, set.Smtp.UserName, set.Smtp.Password));

        Assert.Null(await service.SaveAsync(await service.GetAsync() with { SenderAddress = " ", SmtpEnabled = false }, "ada"));
        var back = await Email(configured).CurrentAsync();
        Assert.Equal((EmailMode.Pickup, "backorders@portal.local", "configured.example"), (back.Mode, back.From, back.Smtp.Host));
        Assert.Equal(("backorders@portal.local", "written as .eml files to /srv/portal/mail-pickup"), (service.Configured().From, service.Configured().Delivery));
    }

    [Fact]
    public async Task A_holiday_moves_a_waiting_lines_ETA_and_removing_it_moves_it_back()
    {
        int lineId;
        await using (var db = NewContext())
        {
            var data = await new AllocationScenario(db).WithWarehouseAsync();
            var product = await data.ProductAsync(onHand: 0);
            var order = await data.OrderAsync(product, 5);
            await data.PurchaseOrderAsync(product, 10, expected: new DateOnly(2026, 11, 27)); // Friday
            lineId = order.Lines.Single().Id;
        }

        await Allocation().RunPendingAsync(null);
        // Friday 27th + 1 receiving day (Monday 30th) + 1 pick day = Tuesday 1 December.
        Assert.Equal(new DateOnly(2026, 12, 1), await EtaAsync(lineId));

        var service = Service();
        Assert.Null(await service.AddHolidayAsync(new DateOnly(2026, 11, 30), "Stocktake", "ada"));
        await using (var db = NewContext())
        {
            Assert.True(await db.PendingAllocations.AnyAsync(), "the holiday marks the products in its own transaction");
            var audit = await db.AuditEvents.SingleAsync();
            Assert.Equal(("Holiday", "Mon 30 Nov 2026", "Added holiday", "Mon 30 Nov 2026: not a holiday → Stocktake"), (audit.Entity, audit.EntityId, audit.Action, audit.Details));
        }

        await Allocation().RunPendingAsync(null);
        // Monday 30th is closed: receiving Tuesday 1st, picking Wednesday 2nd.
        Assert.Equal(new DateOnly(2026, 12, 2), await EtaAsync(lineId));
        Assert.Equal([new HolidayRow(new DateOnly(2026, 11, 30), "Stocktake")], await service.HolidaysAsync());

        Assert.Null(await service.RemoveHolidayAsync(new DateOnly(2026, 11, 30), "ada"));
        await Allocation().RunPendingAsync(null);
        Assert.Equal(new DateOnly(2026, 12, 1), await EtaAsync(lineId));
        Assert.Equal(2, jobs.SweepsRequested);
    }

    [Fact]
    public async Task A_Saturday_made_a_working_day_brings_a_waiting_lines_ETA_forward()
    {
        int lineId;
        await using (var db = NewContext())
        {
            var data = await new AllocationScenario(db).WithWarehouseAsync();
            var product = await data.ProductAsync(onHand: 0);
            lineId = (await data.OrderAsync(product, 5)).Lines.Single().Id;
            await data.PurchaseOrderAsync(product, 10, expected: new DateOnly(2026, 11, 27)); // Friday
        }

        await Allocation().RunPendingAsync(null);
        Assert.Equal(new DateOnly(2026, 12, 1), await EtaAsync(lineId));

        var service = Service();
        Assert.Null(await service.SaveAsync(await service.GetAsync() with { WorkingDays = WorkWeek.Of([.. WorkWeek.MondayToFriday.Days, DayOfWeek.Saturday]) }, "ada"));
        await Allocation().RunPendingAsync(null);

        // Friday 27th + 1 receiving day (Saturday 28th) + 1 pick day (Monday 30th).
        Assert.Equal(new DateOnly(2026, 11, 30), await EtaAsync(lineId));
    }

    [Fact]
    public async Task A_day_that_is_a_holiday_already_a_holiday_without_a_name_or_a_missing_one_is_refused()
    {
        var service = Service();
        var christmas = new DateOnly(2026, 12, 25);
        Assert.Null(await service.AddHolidayAsync(christmas, " Christmas Day ", "ada"));

        Assert.Equal("Fri 25 Dec 2026 is already a holiday: Christmas Day.", await service.AddHolidayAsync(christmas, "Xmas", "ada"));
        Assert.Equal("Holiday name is required.", await service.AddHolidayAsync(new DateOnly(2026, 12, 24), "  ", "ada"));
        Assert.Equal("Holiday name is longer than 100 characters.", await service.AddHolidayAsync(new DateOnly(2026, 12, 24), new string('x', 101), "ada"));
        Assert.Equal("Holiday date must be in the years 2000 to 2099; got Sat 25 Dec 2106.", await service.AddHolidayAsync(new DateOnly(2106, 12, 25), "Typo", "ada"));
        Assert.Equal("Thu 24 Dec 2026 is not a holiday (any more): nothing was removed.", await service.RemoveHolidayAsync(new DateOnly(2026, 12, 24), "ada"));

        Assert.Equal([new HolidayRow(christmas, "Christmas Day")], await service.HolidaysAsync());
        await using var db = NewContext();
        Assert.Equal(["Added holiday"], await db.AuditEvents.Select(a => a.Action).ToListAsync());
    }

    private async Task<DateOnly?> EtaAsync(int lineId)
    {
        await using var db = NewContext();
        return await db.SalesOrderLines.Where(l => l.Id == lineId).Select(l => l.EtaDate).SingleAsync();
    }

    private static SettingsForm Changed(SettingsForm form, string change) => change switch
    {
        "PickDays=31" => form with { PickDays = 31 },
        "PickDays=-1" => form with { PickDays = -1 },
        "ReceivingDays=31" => form with { ReceivingDays = 31 },
        "EtaMoveThresholdDays=0" => form with { EtaMoveThresholdDays = 0 },
        "LeadTimeMoveThresholdDays=31" => form with { LeadTimeMoveThresholdDays = 31 },
        "QuietWindowMinutes=1441" => form with { QuietWindowMinutes = 1441 },
        "LaterDateQuestionDays=0" => form with { LaterDateQuestionDays = 0 },
        "UnansweredReminderDays=31" => form with { UnansweredReminderDays = 31 },
        "WorkingDays=none" => form with { WorkingDays = WorkWeek.Of([]) },
        "CompanyName=long" => form with { CompanyName = new string('x', 101) },
        "SenderAddress=backorders" => form with { SenderAddress = "backorders" },
        "SmtpHost=missing" => form with { SmtpEnabled = true, SmtpHost = " " },
        "SmtpHost=smtp example" => form with { SmtpHost = "smtp example" },
        "SmtpPort=0" => form with { SmtpPort = 0 },
        "SmtpPort=65536" => form with { SmtpPort = 65536 },
        "SmtpPassword=long" => form with { NewSmtpPassword = new string('x', 257) },
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };
}
