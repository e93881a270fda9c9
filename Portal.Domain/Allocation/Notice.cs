namespace Portal.Domain.Allocation;

// One customer-facing event on one line. Quantity: backordered units (Backordered, EtaMoved, EtaUnknown), allocated
// units ready to pick (ReadyToShip), units newly shipped (Shipped) or units cancelled, backordered or allocated (BackorderCancelled).
// BusinessDaysMoved is signed (later is positive); 0 when the ETA was unknown before.
// A value type: a pool run decides notices for every line, so they should cost no allocation of their own.
public readonly record struct Notice(
    NoticeKind Kind,
    int Quantity,
    DateOnly? EtaDate = null,
    DateOnly? PreviousEtaDate = null,
    int BusinessDaysMoved = 0);
