using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Portal.Identity;

/// <summary>
/// A password an Admin set (for a new user, or a reset) is temporary: its owner must choose their own at the next
/// sign-in before anything else. The mark lives in Identity's per-user token table, so it needs no column and never
/// travels in the cookie.
/// </summary>
public static class TemporaryPassword
{
    /// <summary>The mark's row in Identity's token table (AspNetUserTokens), for queries over many users.</summary>
    public const string Provider = "Portal", Name = "TemporaryPassword";

    // Characters nobody misreads when copying by hand (no 0/O, 1/l/I).
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Symbols = "!#$%*+?@";

    public static Task<IdentityResult> MarkPasswordTemporaryAsync(this UserManager<ApplicationUser> users, ApplicationUser user) =>
        users.SetAuthenticationTokenAsync(user, Provider, Name, "true");

    public static async Task<bool> HasTemporaryPasswordAsync(this UserManager<ApplicationUser> users, ApplicationUser user) =>
        await users.GetAuthenticationTokenAsync(user, Provider, Name) is not null;

    public static Task<IdentityResult> ClearTemporaryPasswordAsync(this UserManager<ApplicationUser> users, ApplicationUser user) =>
        users.RemoveAuthenticationTokenAsync(user, Provider, Name);

    /// <summary>A random password that meets <paramref name="rules"/>: every kind of character, at least 14 long.</summary>
    public static string Generate(PasswordOptions rules)
    {
        var length = Math.Max(rules.RequiredLength, 14);
        while (true)
        {
            char[] password = [.. RandomNumberGenerator.GetItems<char>(Lower + Upper + Digits + Symbols, length - 4),
                Pick(Lower), Pick(Upper), Pick(Digits), Pick(Symbols)];
            RandomNumberGenerator.Shuffle<char>(password);
            if (password.Distinct().Count() >= rules.RequiredUniqueChars)
            {
                return new string(password);
            }
        }
    }

    private static char Pick(string characters) => characters[RandomNumberGenerator.GetInt32(characters.Length)];
}
