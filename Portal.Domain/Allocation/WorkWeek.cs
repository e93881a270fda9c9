using System.Globalization;

namespace Portal.Domain.Allocation;

/// <summary>
/// The days of the week the warehouse ships: a set of <see cref="DayOfWeek"/>, stored as a bit mask with bit
/// <c>(int)day</c> set for each working day (Monday to Friday is 62).
/// </summary>
public readonly record struct WorkWeek
{
    /// <summary>Monday first, as a business week is read.</summary>
    public static readonly IReadOnlyList<DayOfWeek> MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static readonly WorkWeek MondayToFriday =
        Of([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);

    private WorkWeek(int mask) => Mask = mask;

    public int Mask { get; }

    public bool IsEmpty => Mask == 0;

    /// <summary>The working days, Monday first.</summary>
    public IReadOnlyList<DayOfWeek> Days => MondayFirst.Where(Contains).ToList();

    public static WorkWeek Of(IEnumerable<DayOfWeek> days) => new(days.Aggregate(0, (mask, day) => mask | Bit(day)));

    public static WorkWeek FromMask(int mask) =>
        mask is >= 0 and < 1 << 7 ? new(mask) : throw new ArgumentOutOfRangeException(nameof(mask), mask, "A week has seven days.");

    public bool Contains(DayOfWeek day) => (Mask & Bit(day)) != 0;

    /// <summary>"Mon–Fri", "Mon–Thu, Sat", "none": runs of consecutive days, Monday first.</summary>
    public override string ToString()
    {
        var runs = new List<string>();
        var days = MondayFirst;
        for (var i = 0; i < days.Count; i++)
        {
            if (!Contains(days[i]))
            {
                continue;
            }

            var end = i;
            while (end + 1 < days.Count && Contains(days[end + 1]))
            {
                end++;
            }

            runs.Add(end - i >= 2 ? $"{Short(days[i])}–{Short(days[end])}" : string.Join(", ", days.Skip(i).Take(end - i + 1).Select(Short)));
            i = end;
        }

        return runs.Count == 0 ? "none" : string.Join(", ", runs);
    }

    public static string Short(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day);

    private static int Bit(DayOfWeek day) => 1 << (int)day;
}
