using Portal.Domain.Common;

namespace Portal.Domain.Admin;

/// <summary>A day the warehouse does not ship although it is a working day of the week; business-day arithmetic skips it.</summary>
public class Holiday
{
    public const int MaxNameLength = 100;

    /// <summary>The years a holiday may fall in: wide enough for any plan, narrow enough to catch a mistyped year.</summary>
    public const int FirstYear = 2000, LastYear = 2099;

    private Holiday() { } // for EF: stored rows load as they are

    public Holiday(DateOnly date, string name)
    {
        Date = date.Year is >= FirstYear and <= LastYear
            ? date
            : throw new DomainException($"Holiday date must be in the years {FirstYear} to {LastYear}; got {Show.Date(date)}.");
        Name = Guard.Required(name, "Holiday name", MaxNameLength);
    }

    public DateOnly Date { get; private set; }
    public string Name { get; private set; } = "";
}
