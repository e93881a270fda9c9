using Portal.Components;
using Portal.Components.Account;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Hosting;
using Portal.Hosting.Health;
using Portal.Hosting.Security;
using Portal.Identity;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddPortalCircuits(builder.Configuration);
builder.Services.AddMudServices().AddScoped<Notifier>();
builder.Services.AddSingleton(TimeProvider.System);
var database = builder.AddPortalData();
builder.AddPortalIdentity();
builder.AddPortalTransportSecurity();
builder.Services.AddSignInRateLimit(builder.Configuration);
builder.Services.AddPortalHealth();
builder.AddPortalFeatures();
builder.AddPortalJobs(database);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UsePortalTransportSecurity(builder.RequiresHttps());
app.UseSecurityHeaders();
// Called here, not left to the host (which adds them first), so that its redirects to sign-in carry the headers above.
app.UseAuthentication();
app.UseAuthorization();

// Dates, numbers and money render the same for every user until users can pick a culture.
app.UseRequestLocalization("en-US");
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRateLimiter();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapPortalEndpoints();
app.MapJobsDashboard();
app.MapPortalHealth();

await app.InitializeDatabaseAsync();
app.Run();

public partial class Program;
