using Microsoft.AspNetCore.Identity;
using Portal.Identity;

namespace Portal.Tests.Admin;

public sealed class TemporaryPasswordTests
{
    [Theory]
    [InlineData(6, 1)]
    [InlineData(24, 12)]
    public async Task A_generated_password_meets_identitys_password_rules(int length, int uniqueCharacters)
    {
        var options = new IdentityOptions { Password = { RequiredLength = length, RequiredUniqueChars = uniqueCharacters } };
        var validator = new PasswordValidator<ApplicationUser>();
        var users = new UserManager<ApplicationUser>(new NoStore(), Microsoft.Extensions.Options.Options.Create(options),
            null!, [], [validator], null!, new IdentityErrorDescriber(), null!, null!);

        var passwords = Enumerable.Range(0, 200).Select(_ => TemporaryPassword.Generate(options.Password)).ToList();

        foreach (var password in passwords)
        {
            var result = await validator.ValidateAsync(users, new ApplicationUser(), password);
            Assert.True(result.Succeeded, $"{password}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }

    private sealed class NoStore : IUserStore<ApplicationUser>
    {
        public void Dispose() { }
        public Task<string> GetUserIdAsync(ApplicationUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task<string?> GetUserNameAsync(ApplicationUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task SetUserNameAsync(ApplicationUser user, string? userName, CancellationToken ct) => throw new NotSupportedException();
        public Task<string?> GetNormalizedUserNameAsync(ApplicationUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task SetNormalizedUserNameAsync(ApplicationUser user, string? normalizedName, CancellationToken ct) => throw new NotSupportedException();
        public Task<IdentityResult> CreateAsync(ApplicationUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task<IdentityResult> UpdateAsync(ApplicationUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task<IdentityResult> DeleteAsync(ApplicationUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task<ApplicationUser?> FindByIdAsync(string userId, CancellationToken ct) => throw new NotSupportedException();
        public Task<ApplicationUser?> FindByNameAsync(string normalizedUserName, CancellationToken ct) => throw new NotSupportedException();
    }
}
