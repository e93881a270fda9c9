using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Sales;
using Portal.Features.Common;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

public sealed class ListCountTestsOnSqlite() : ListCountTests(DatabaseProvider.Sqlite);

public sealed class ListCountTestsOnPostgres() : ListCountTests(DatabaseProvider.Postgres);

public sealed class ListCountTestsOnSqlServer() : ListCountTests(DatabaseProvider.SqlServer);

/// <summary>
/// A long list is not counted row by row: PostgreSQL's planner estimates it ("about N"), elsewhere counting stops at
/// the limit ("more than 10,000"); a short list and a searched one are counted exactly.
/// </summary>
public abstract class ListCountTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Fact]
    public async Task A_long_list_says_about_or_more_than_and_a_short_or_searched_one_is_exact()
    {
        await using (var db = NewContext())
        {
            db.Customers.AddRange(Enumerable.Range(0, Counting.ExactBelow + 500)
                .Select(i => new Customer($"LC{i:D6}", $"Count Ltd {i}", "buyer@customer.example", 3, "rep@portal.example", false)));
            await db.SaveChangesAsync();
            if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("ANALYZE \"Customers\"");
        }

        await using var read = NewContext();
        var all = await Counting.CountAsync(read, read.Customers, mayEstimate: true, CancellationToken.None);
        var searched = await Counting.CountAsync(read, read.Customers.Where(c => c.Code.StartsWith("LC0000")), mayEstimate: false, CancellationToken.None);
        var few = await Counting.CountAsync(read, read.Customers.Where(c => c.Code.StartsWith("LC0001")), mayEstimate: true, CancellationToken.None);

        Assert.Equal(100, searched.Total);
        Assert.Equal(("", 100), (few.Words, few.Total));
        Assert.True(all.Estimated);
        if (read.Database.IsNpgsql())
        {
            Assert.Equal("about ", all.Words);
            Assert.InRange(all.Total, Counting.ExactBelow, Counting.ExactBelow + 1_000);
        }
        else
        {
            Assert.Equal(("more than ", Counting.ExactBelow), (all.Words, all.Total));
        }
    }
}
