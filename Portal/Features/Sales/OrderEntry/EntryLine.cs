namespace Portal.Features.Sales.OrderEntry;

/// <summary>A line on the entry page while it is typed: page state, turned into a <see cref="DraftLine"/> for the service.</summary>
public sealed class EntryLine(int lineNumber, OrderProduct product, int quantity)
{
    public int LineNumber { get; } = lineNumber;
    public OrderProduct Product { get; } = product;
    public int Quantity { get; set; } = quantity;

    public DraftLine ToDraft() => new(LineNumber, Product.Id, Quantity);
}
