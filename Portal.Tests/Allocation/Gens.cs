using FsCheck;
using FsCheck.Fluent;
using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// Random inputs for the property tests: small pools where ties on every priority key are likely.
internal static class Gens
{
    public static Arbitrary<(DateOnly Start, int Days)> BusinessDayAndCount(BusinessCalendar calendar) =>
        (from offset in Gen.Choose(0, 400)
         from days in Gen.Choose(0, 60)
         select (calendar.AddBusinessDays(Day.Today.AddDays(offset), 0), days)).ToArbitrary();
}
