namespace Portal.Features.Sales.Common;

/// <summary>A value and the words a dropdown shows for it.</summary>
public sealed record Choice<T>(T Value, string Text);
