using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Portal.Tests.Components;

/// <summary>Renders MudBlazor's popover and dialog providers and shows a dialog through IDialogService, as a page does.</summary>
internal static class DialogHost
{
    public static async Task<(IRenderedComponent<DialogProviders> Host, IDialogReference Dialog)> ShowAsync<TDialog>(
        BunitContext context, string title, DialogParameters<TDialog> parameters)
        where TDialog : IComponent
    {
        var host = context.Render<DialogProviders>(p => p.AddChildContent(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
        }));
        var dialogs = context.Services.GetRequiredService<IDialogService>();
        IDialogReference? reference = null;
        await host.InvokeAsync(async () => reference = await dialogs.ShowAsync<TDialog>(title, parameters));
        return (host, reference!);
    }
}

/// <summary>A plain parent for the providers.</summary>
public sealed class DialogProviders : ComponentBase
{
    [Parameter] public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder) => builder.AddContent(0, ChildContent);
}
