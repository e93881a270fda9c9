using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>What makes a page scroll sideways: the page itself, or a grid's or table's own scroll box inside it.</summary>
internal static class SidewaysScroll
{
    private const string Script = """
        () => {
            const found = [];
            const page = document.documentElement;
            if (page.scrollWidth > page.clientWidth) found.push(`the page (${page.scrollWidth} px in ${page.clientWidth})`);
            for (const box of document.querySelectorAll('main *')) {
                const overflow = getComputedStyle(box).overflowX;
                // One pixel of slack: widths are fractional, scroll sizes are rounded.
                if ((overflow === 'auto' || overflow === 'scroll') && box.scrollWidth > box.clientWidth + 1) {
                    const name = box.closest('[data-testid]')?.dataset.testid ?? box.className;
                    found.push(`${name} (${box.scrollWidth} px in ${box.clientWidth})`);
                }
            }
            return found;
        }
        """;

    public static async Task<IReadOnlyList<string>> FindAsync(IPage page) => await page.EvaluateAsync<string[]>(Script);
}
