using Microsoft.AspNetCore.Identity;

namespace Portal.Identity;

public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
