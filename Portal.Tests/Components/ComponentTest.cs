using Bunit;
using MudBlazor.Services;

namespace Portal.Tests.Components;

/// <summary>
/// Base for component tests with bunit: a context with MudBlazor's services and loose JS interop (MudBlazor calls
/// into JS that a test cannot run). MudBlazor's services only dispose asynchronously, hence the async lifetime.
/// </summary>
public abstract class ComponentTest : IAsyncLifetime
{
    protected ComponentTest()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
    }

    protected BunitContext Context { get; } = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
