using Portal.Domain.Common;
using Portal.Domain.Sales;

namespace Portal.Features.Sales.CustomerReplies;

/// <summary>
/// One order as its customer sees it through their link: their own lines, quantities, dates and reasons in plain
/// words. No prices, no stock levels, nothing about other customers. <see cref="Version"/> and each line's version
/// go back with a choice, so a choice made on a stale page is refused.
/// </summary>
public sealed record CustomerOrderView(
    int OrderId,
    int Version,
    string? CustomerReference,
    string CustomerName,
    OrderStatus Status,
    bool ShipComplete,
    IReadOnlyList<CustomerLineView> Lines,
    string? CompanyName)
{
    public string Number => SalesOrder.Format(OrderId);

    public bool CanChange => Status is not (OrderStatus.Shipped or OrderStatus.Cancelled);

    /// <summary>Something still waits or is ready, so how it ships can still be chosen.</summary>
    public bool CanChooseShipping => CanChange && Lines.Any(l => l.Waiting + l.Ready > 0);
}

/// <param name="Question">Set while the customer was asked to accept a later date for this line and has not answered.</param>
public sealed record CustomerLineView(
    int LineNumber,
    int Version,
    string Sku,
    string Product,
    int Ordered,
    int Shipped,
    int Ready,
    int Waiting,
    int Cancelled,
    DateOnly? ShipDate,
    string? Reason,
    LaterDateOffer? Question)
{
    /// <summary>Units not yet shipped: what the customer can still cancel.</summary>
    public int Unshipped => Ready + Waiting;

    /// <summary>"the 3 waiting units", or "the 5 units not yet shipped" when some are ready too.</summary>
    public string CancelWhat => Ready == 0 ? $"the {Show.Count(Waiting)} waiting units" : $"the {Show.Count(Unshipped)} units not yet shipped";
}

public sealed record LaterDateOffer(int QuestionId, DateOnly? WasDate, DateOnly NewDate);
