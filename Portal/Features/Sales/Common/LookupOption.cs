namespace Portal.Features.Sales.Common;

/// <summary>Something a rep picks by typing part of its number or name: a customer or a product.</summary>
public sealed record LookupOption(int Id, string Code, string Name, string? Note = null)
{
    public string Label => $"{Code} · {Name}";
}
