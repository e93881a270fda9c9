using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Identity;

public enum SignInOutcome
{
    SignedIn,
    Refused,
    LockedOut,
    Deactivated,
    ChooseNewPassword,
}

/// <summary>What step one of signing in decided; <see cref="Token"/> carries an account with a temporary password to step two.</summary>
public sealed record SignInStep(SignInOutcome Outcome, string? Token = null);

/// <summary>
/// The sign-in form's two steps. Step one checks the password (failures count towards lockout). An account whose
/// password an Admin set is not signed in yet: it gets a one-time token (Identity's password-reset token, void once
/// the security stamp moves on) for step two, where its owner chooses their own password under Identity's rules.
/// </summary>
public sealed class PortalSignIn(
    SignInManager<ApplicationUser> signIn, PortalDbContext db, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string Expired = "This sign-in has expired. Sign in again with your temporary password.";
    public const string DeactivatedMessage = "This account is deactivated. Ask an administrator if you need access again.";

    private UserManager<ApplicationUser> Users => signIn.UserManager;

    public async Task<SignInStep> CheckPasswordAsync(string email, string password, bool remember)
    {
        if (await Users.FindByNameAsync(email) is not { } user)
        {
            return new(SignInOutcome.Refused);
        }

        // A locked account is refused before its password is looked at, as Identity does for any lockout.
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return new(user.IsDeactivated() ? SignInOutcome.Deactivated : SignInOutcome.LockedOut);
        }

        if (!result.Succeeded)
        {
            return new(SignInOutcome.Refused);
        }

        if (await Users.HasTemporaryPasswordAsync(user))
        {
            return new(SignInOutcome.ChooseNewPassword, await Users.GeneratePasswordResetTokenAsync(user));
        }

        await SignInAsync(user, remember);
        return new(SignInOutcome.SignedIn);
    }

    /// <summary>Step two: null when the new password is set and the user signed in, else why not.</summary>
    public async Task<string?> ChooseNewPasswordAsync(string email, string token, string newPassword, bool remember)
    {
        if (await Users.FindByNameAsync(email) is not { } user || !await Users.HasTemporaryPasswordAsync(user))
        {
            return Expired;
        }

        if (user.IsDeactivated())
        {
            return DeactivatedMessage;
        }

        if (await Users.CheckPasswordAsync(user, newPassword))
        {
            return "New password: choose one other than the temporary password.";
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var reset = await Users.ResetPasswordAsync(user, token, newPassword);
            if (!reset.Succeeded)
            {
                return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                    ? Expired
                    : "New password: " + string.Join(" ", reset.Errors.Select(e => e.Description));
            }

            var cleared = await Users.ClearTemporaryPasswordAsync(user);
            if (!cleared.Succeeded)
            {
                return string.Join(" ", cleared.Errors.Select(e => e.Description));
            }

            await transaction.CommitAsync();
        }

        await SignInAsync(user, remember);
        return null;
    }

    private async Task SignInAsync(ApplicationUser user, bool remember)
    {
        // The claim Identity's own password sign-in adds: how the user proved who they are.
        await signIn.SignInWithClaimsAsync(user, remember, [new Claim("amr", "pwd")]);
        await LastSignIn.RecordAsync(dbFactory, user.Id, clock.GetUtcNow());
    }
}
