using Portal.Data;
using Portal.Features.Admin.Outbox;
using Portal.Features.Allocation;
using Portal.Features.Notifications.Delivery;

namespace Portal.Features.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// The outbox (<see cref="NoticeOutbox"/>), the sender a job calls every minute (<see cref="NoticeSender"/>),
    /// the read side for Sales (<see cref="NoticeQueries"/>) and the Admin outbox page's service.
    /// Needs a <see cref="TimeProvider"/> and <c>IDbContextFactory&lt;PortalDbContext&gt;</c>.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var dataFolder = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.DataFolder ?? new DatabaseOptions().DataFolder;
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .PostConfigure<IServiceProvider>((email, provider) =>
            {
                // Relative folders are under the content root, like the database's data folder.
                var root = provider.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
                email.PickupFolder = Path.Combine(root, email.PickupFolder ?? Path.Combine(dataFolder, "mail-pickup"));
            })
            .Validate(e => e.Mode != EmailMode.Smtp || !string.IsNullOrWhiteSpace(e.Smtp.Host), "Email:Smtp:Host is required when Email:Mode is Smtp.")
            .Validate(e => EmailTransport.IsAddress(e.From), "Email:From must be an email address.");
        services.AddOptions<NoticeDeliveryOptions>()
            .Bind(configuration.GetSection(NoticeDeliveryOptions.Section))
            .Validate(o => o.MaxAttempts >= 1 && o.BatchSize >= 1, "Notifications:MaxAttempts and BatchSize must be at least 1.")
            .Validate(o => o.FirstRetryDelay > TimeSpan.Zero && o.ClaimDuration > TimeSpan.Zero, "Notifications delays must be positive.");

        services.AddOptions<Links.CustomerLinkOptions>()
            .Bind(configuration.GetSection(Links.CustomerLinkOptions.Section))
            .Validate(o => o.CustomerLinkDays >= 1 && o.RequestsPerMinute >= 1, "Portal:CustomerLinkDays and RequestsPerMinute must be at least 1.")
            .Validate(o => string.IsNullOrEmpty(o.PublicBaseUrl) || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "Portal:PublicBaseUrl must be an absolute address.");
        services.AddSingleton<Links.OrderLinks>();
        services.AddSingleton<NoticeOutbox>();
        services.AddSingleton<INoticeQueue>(provider => provider.GetRequiredService<NoticeOutbox>());
        services.AddDataProtection(); // the app persists its keys in the database (IdentitySetup); the SMTP password is sealed with them
        services.AddSingleton<SmtpPasswordProtector>();
        services.AddSingleton<EmailSettingsSource>();
        services.AddSingleton<EmailTransport>();
        services.AddSingleton<NoticeSender>();
        services.AddScoped<NoticeQueries>();
        services.AddScoped<OutboxService>();
        services.AddTransient<Jobs.SendNoticesJob>();
        return services;
    }
}
