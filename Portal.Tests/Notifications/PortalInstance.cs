using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Admin.Outbox;
using Portal.Features.Allocation;
using Portal.Features.Notifications;
using Portal.Features.Purchasing;
using Portal.Features.Sales;
using Portal.Features.Warehouse;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Notifications;

/// <summary>
/// One portal instance's services, composed the way the app composes them (<c>AddNotifications</c>, <c>AddAllocation</c>,
/// <c>AddPurchasing</c>, <c>AddWarehouse</c>, <c>AddSales</c>; no scheduler: tests run the jobs' work themselves) on a test database, a manual clock and the given configuration. Two of them on one database are two instances.
/// </summary>
public sealed class PortalInstance : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly AsyncServiceScope scope;

    public PortalInstance(TestDatabase database, TimeProvider clock, IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(clock)
            .AddPortalDbContext(database.Provider, database.ConnectionString, database.Configure)
            .AddNotifications(configuration)
            .AddAllocation()
            .AddPurchasing()
            .AddWarehouse()
            .AddSales()
            .AddSingleton<Hangfire.IBackgroundJobClient, RecordingJobClient>()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        scope = services.CreateAsyncScope();
    }

    /// <summary>Settings for an instance that sends over SMTP to a loopback port, retrying after 1, 2, 4 … minutes.</summary>
    public static Dictionary<string, string?> Smtp(int port, int maxAttempts = 8) => new()
    {
        ["Email:Mode"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = port.ToString(),
        ["Email:Smtp:Timeout"] = "00:00:10",
        ["Email:From"] = "backorders@portal.test",
        ["Notifications:MaxAttempts"] = maxAttempts.ToString(),
        ["Notifications:FirstRetryDelay"] = "00:01:00",
    };

    public NoticeSender Sender => services.GetRequiredService<NoticeSender>();
    public NoticeOutbox Outbox => services.GetRequiredService<NoticeOutbox>();
    public NoticeQueries Queries => scope.ServiceProvider.GetRequiredService<NoticeQueries>();
    public OutboxService OutboxPage => scope.ServiceProvider.GetRequiredService<OutboxService>();
    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>A scoped service (the allocation, purchasing, warehouse and sales services are scoped, as in the app).</summary>
    public T Scoped<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await services.DisposeAsync();
    }
}
