namespace Portal.Domain.Admin;

/// <summary>A weekday the warehouse does not ship; business-day arithmetic skips it.</summary>
public class Holiday
{
    public Holiday(DateOnly date, string name)
    {
        Date = date;
        Name = name;
    }

    public DateOnly Date { get; private set; }
    public string Name { get; private set; }
}
