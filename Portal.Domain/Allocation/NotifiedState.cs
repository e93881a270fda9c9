namespace Portal.Domain.Allocation;

// What the customer was last told about a line. EtaDate and Basis are the last announced ETA, kept while the line
// is backordered and cleared when it is not; quantities are kept up to date so each event fires once.
public sealed record NotifiedState(int Backordered, DateOnly? EtaDate, EtaBasis Basis, int Shipped, int Cancelled)
{
    public static readonly NotifiedState Nothing = new(0, null, EtaBasis.None, 0, 0);
}
