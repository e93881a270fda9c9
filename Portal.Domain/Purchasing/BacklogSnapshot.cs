namespace Portal.Domain.Purchasing;

/// <summary>The day's backlog figures, recorded by the nightly run for the trend and aging charts.</summary>
public class BacklogSnapshot
{
    public DateOnly Date { get; set; }
    public int BackorderedLines { get; set; }
    public int BackorderedUnits { get; set; }
    public decimal BackorderedValue { get; set; }

    // Units by age (calendar days since the order was placed).
    public int UnitsAged0To7 { get; set; }
    public int UnitsAged8To30 { get; set; }
    public int UnitsAged31To60 { get; set; }
    public int UnitsAgedOver60 { get; set; }
}
