namespace Portal.Benchmarks.LoadTest;

/// <summary>
/// Interaction latency measured inside the page, on the page's clock: from the user's input event reaching the page
/// (click, key, change; captured before Blazor sees it) to the DOM showing the answer (a MutationObserver sees the
/// awaited condition become true). Playwright's own round trips to the browser, which grow with a hundred pages on two
/// cores, are outside both ends; the Blazor round trip, the server's work and applying the render batch are inside.
/// </summary>
public static class InPageClock
{
    public const string InitScript = """
        (() => {
          const lt = window.__lt = { input: 0, mutation: 0 };
          for (const type of ['click', 'keydown', 'change'])
            window.addEventListener(type, () => { lt.input = performance.now(); }, true);
          new MutationObserver(() => { lt.mutation = performance.now(); })
            .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
          // Resolves with the ms from the last input to the first DOM change after which ok() holds. When it already
          // holds, the last DOM change is taken as its time (an upper bound). ok() may instead return the time (a
          // performance.now() value) at which the answer showed, when that is only known later (checked every 250 ms).
          lt.until = (ok, timeout) => new Promise((resolve, reject) => {
            const started = lt.input;
            const done = (result, now) => {
              observer.disconnect(); clearTimeout(timer); clearInterval(poll);
              resolve(Math.max(0, (typeof result === 'number' ? result : now) - started));
            };
            const check = () => { const result = ok(); if (result) done(result, performance.now()); };
            const observer = new MutationObserver(check);
            const timer = setTimeout(() => { observer.disconnect(); clearInterval(poll); reject(new Error('not seen within ' + timeout + ' ms')); }, timeout);
            const poll = setInterval(check, 250);
            const first = ok();
            if (first) { done(first, lt.mutation); return; }
            observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
          });
          // What a grid shows: its data rows and its pager's caption, to tell when a sort or a page has arrived.
          lt.gridText = selector => {
            const grid = document.querySelector(selector);
            if (!grid) return null;
            const rows = [...grid.querySelectorAll('tbody tr.mud-table-row')].map(r => r.textContent).join('|');
            const caption = grid.querySelector('.mud-table-pagination-caption')?.textContent ?? '';
            return rows.length ? rows + '#' + caption : null;
          };
        })();
        """;

    /// <summary>A script taking one argument <c>a</c> that waits until <paramref name="condition"/> (JS, over <c>a</c>) holds.</summary>
    public static string Until(string condition, int timeoutMs) => $"a => window.__lt.until(() => {{ {condition} }}, {timeoutMs})";
}
