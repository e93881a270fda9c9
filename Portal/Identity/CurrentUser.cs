using Microsoft.AspNetCore.Components.Authorization;

namespace Portal.Identity;

public static class CurrentUser
{
    /// <summary>
    /// The signed-in user's name, for audit rows and "changed by". Pages are authorized, so there always is one;
    /// the fallback only keeps an audit row well-formed.
    /// </summary>
    public static async Task<string> NameAsync(this Task<AuthenticationState> state) =>
        (await state).User.Identity?.Name ?? "unknown";
}
