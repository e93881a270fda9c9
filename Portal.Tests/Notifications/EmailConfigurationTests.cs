using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Features.Notifications;
using Portal.Features.Notifications.Delivery;

namespace Portal.Tests.Notifications;

public class EmailConfigurationTests
{
    private static T Options<T>(Dictionary<string, string?> settings) where T : class =>
        new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddNotifications(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider()
            .GetRequiredService<IOptions<T>>().Value;

    [Fact]
    public void Defaults_write_to_the_pickup_folder_under_the_data_folder()
    {
        var email = Options<EmailOptions>([]);

        Assert.Equal(EmailMode.Pickup, email.Mode);
        Assert.Equal("backorders@portal.local", email.From);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "App_Data", "mail-pickup"), email.PickupFolder);
    }

    [Fact]
    public void Pickup_folder_follows_the_database_data_folder()
    {
        var email = Options<EmailOptions>(new() { ["Database:DataFolder"] = "/srv/portal-data" });

        Assert.Equal("/srv/portal-data/mail-pickup", email.PickupFolder);
    }

    [Fact]
    public void Smtp_settings_and_retry_policy_bind_from_configuration()
    {
        Dictionary<string, string?> settings = new()
        {
            ["Email:Mode"] = "Smtp", ["Email:Smtp:Host"] = "mail.example.test", ["Email:Smtp:Port"] = "587",
            ["Email:Smtp:EnableSsl"] = "true", ["Email:Smtp:UserName"] = "portal", ["Email:Smtp:Password"] = "secret",
            ["Notifications:MaxAttempts"] = "5",
        };

        var email = Options<EmailOptions>(settings);
        var delivery = Options<NoticeDeliveryOptions>(settings);

        Assert.Equal((EmailMode.Smtp, "mail.example.test", 587, true, "portal", "secret"),
            (email.Mode, email.Smtp.Host, email.Smtp.Port, email.Smtp.EnableSsl, email.Smtp.UserName, email.Smtp.Password));
        Assert.Equal(5, delivery.MaxAttempts);
    }

    [Fact]
    public void Retry_delay_doubles_from_one_minute_up_to_the_cap()
    {
        var delivery = new NoticeDeliveryOptions();

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], Enumerable.Range(1, 8).Select(n => delivery.RetryDelay(n).TotalMinutes));
    }

    [Fact]
    public void A_from_address_that_is_not_an_address_is_refused_at_start()
    {
        Assert.Throws<OptionsValidationException>(() => Options<EmailOptions>(new() { ["Email:From"] = "backorders" }));
    }
}
