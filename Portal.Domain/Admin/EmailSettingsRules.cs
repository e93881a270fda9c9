using System.Net.Mail;

namespace Portal.Domain.Admin;

/// <summary>
/// What the email settings accept, as messages naming the field (null: fine). Forms show them under the box; the
/// settings refuse the same values with the same words.
/// </summary>
public static class EmailSettingsRules
{
    public const int MaxCompanyNameLength = 100;
    public const int MaxAddressLength = 254;
    public const int MaxHostLength = 253;
    public const int MaxUserNameLength = 256;
    public const int MaxPasswordLength = 256;

    /// <summary>Trimmed, or null for nothing but spaces.</summary>
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string? CompanyNameProblem(string? value) => OneLine(value, "Company name", MaxCompanyNameLength);

    public static string? SenderAddressProblem(string? value)
    {
        value = Optional(value);
        return value is null ? null
            : value.Length > MaxAddressLength ? $"Sender address is longer than {MaxAddressLength} characters."
            : IsAddress(value) ? null
            : $"Sender address \"{value}\" is not an email address.";
    }

    public static string? SmtpHostProblem(string? value, bool required)
    {
        value = Optional(value);
        return value is null ? (required ? "SMTP server is required to send through your own server." : null)
            : value.Length > MaxHostLength ? $"SMTP server is longer than {MaxHostLength} characters."
            : Uri.CheckHostName(value) == UriHostNameType.Unknown ? $"SMTP server \"{value}\" is not a host name or IP address."
            : null;
    }

    public static string? SmtpUserNameProblem(string? value) => OneLine(value, "SMTP user name", MaxUserNameLength);

    /// <summary>A new password: anything of up to <see cref="MaxPasswordLength"/> characters on one line.</summary>
    public static string? SmtpPasswordProblem(string? value) =>
        string.IsNullOrEmpty(value) ? "SMTP password is required."
        : value.Length > MaxPasswordLength ? $"SMTP password is longer than {MaxPasswordLength} characters."
        : value.Any(char.IsControl) ? "SMTP password must be on one line."
        : null;

    // A bare address with a domain ("backorders@example.com"), no display name.
    private static bool IsAddress(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && address.DisplayName.Length == 0 && address.Host.Length > 0;

    private static string? OneLine(string? value, string field, int maxLength)
    {
        value = Optional(value);
        return value is null ? null
            : value.Length > maxLength ? $"{field} is longer than {maxLength} characters."
            : value.Any(char.IsControl) ? $"{field} must be on one line."
            : null;
    }
}
