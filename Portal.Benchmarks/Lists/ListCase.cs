namespace Portal.Benchmarks.Lists;

/// <summary>
/// One request a page makes: a list, what is asked of it (a sort, a filter, a page), and the service call that answers
/// it, returning how many rows came back and the total the page would show.
/// </summary>
public sealed record ListCase(string List, string Request, Func<CancellationToken, Task<(int Rows, int Total)>> Run);
