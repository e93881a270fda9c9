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
            // Light colours on a dark page: what is written on them is dark, or white text on light blue or amber
            // buttons and chips would be unreadable (2.3:1 and 1.7:1).
            Primary = "#6cb4e4",
            PrimaryContrastText = "#0b1620",
            Secondary = "#f0a050",
            SecondaryContrastText = "#0b1620",
            AppbarBackground = "#16202a",
            Background = "#10161c",
            Surface = "#1a232c",
            DrawerBackground = "#16202a",
            Success = "#66bb6a",
            SuccessContrastText = "#0b1620",
            Warning = "#ffb74d",
            WarningContrastText = "#0b1620",
            Error = "#ef5350",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Segoe UI", "system-ui", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "250px" },
    };
}
