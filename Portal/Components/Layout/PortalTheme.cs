using MudBlazor;

namespace Portal.Components.Layout;

/// <summary>The brand's colors and type, for the light and the dark theme: every page takes them from here.</summary>
public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            Secondary = "#e07a1f",
            AppbarBackground = "#1f5f8b",
            Background = "#f5f6f8",
            DrawerBackground = "#ffffff",
            Success = "#2e7d32",
            Warning = "#b26a00",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6cb4e4",
            Secondary = "#f0a050",
            AppbarBackground = "#16202a",
            Background = "#10161c",
            Surface = "#1a232c",
            DrawerBackground = "#16202a",
            Success = "#66bb6a",
            Warning = "#ffb74d",
            Error = "#ef5350",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Segoe UI", "system-ui", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "250px" },
    };
}
