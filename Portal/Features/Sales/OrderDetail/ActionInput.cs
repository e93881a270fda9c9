namespace Portal.Features.Sales.OrderDetail;

/// <summary>What the rep typed into an action dialog.</summary>
public sealed record ActionInput(int Quantity, string? Reason);
