namespace Portal.Features.Sales.OrderDetail;

/// <summary>
/// Looks at an order again every 1.5 s (at most 40 times) while a change it asked for is still being allocated, on
/// the component's own dispatcher; stops when <c>look</c> says nothing is pending, or when disposed (the rep left).
/// </summary>
internal sealed class AllocationWatch : IDisposable
{
    private readonly CancellationTokenSource stop = new();

    public AllocationWatch(Func<Func<Task>, Task> dispatch, Func<CancellationToken, Task<bool>> look, Action done)
    {
        var token = stop.Token;
        _ = dispatch(async () =>
        {
            try
            {
                using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.5));
                for (var n = 0; n < 40 && await timer.WaitForNextTickAsync(token); n++)
                {
                    if (!await look(token))
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The rep left the page.
            }

            done();
        });
    }

    public void Dispose() => stop.Cancel();
}
