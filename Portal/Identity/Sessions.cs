using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Portal.Identity;

/// <summary>
/// How soon a change to an account reaches the user's open sessions. Deactivating, changing roles and resetting a
/// password each renew the account's security stamp; every live page checks its user once per
/// <see cref="Options.RevalidationInterval"/>, and a sign-in cookie is checked on the first request after that long.
/// </summary>
public static class Sessions
{
    public sealed class Options
    {
        public const string Section = "Identity";

        /// <summary>Setting <c>Identity:RevalidationInterval</c>: one database read per open page per interval.</summary>
        public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
    }

    public static IServiceCollection AddSessionRevalidation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Options>().Bind(configuration.GetSection(Options.Section))
            .Validate(o => o.RevalidationInterval > TimeSpan.Zero, "Identity:RevalidationInterval must be longer than zero.")
            .ValidateOnStart();
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<Options>>((cookie, sessions) => cookie.ValidationInterval = sessions.Value.RevalidationInterval);
        return services;
    }

    /// <summary>False once the account is gone, deactivated, or its security stamp moved on since <paramref name="principal"/> signed in.</summary>
    public static async Task<bool> IsStillValidAsync(this UserManager<ApplicationUser> users, ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDeactivated())
        {
            return false;
        }

        return !users.SupportsUserSecurityStamp
            || principal.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
