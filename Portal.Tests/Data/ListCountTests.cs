using Portal.Data;
using Portal.Domain.Sales;
using Portal.Features.Common;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

public sealed class ListCountTestsOnSqlite() : ListCountTests(DatabaseProvider.Sqlite);

public sealed class ListCountTestsOnPostgres() : ListCountTests(DatabaseProvider.Postgres);

public sealed class ListCountTestsOnSqlServer() : ListCountTests(DatabaseProvider.SqlServer);

/// <summary>A long list is counted only up to the limit and says "more than 1,000"; a shorter one is counted exactly.</summary>
public abstract class ListCountTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Fact]
    public async Task A_long_list_says_more_than_the_limit_and_a_shorter_one_is_counted_exactly()
    {
        await using (var db = NewContext())
        {
            db.Customers.AddRange(Enumerable.Range(0, Counting.Limit + 500)
                .Select(i => new Customer($"LC{i:D6}", $"Count Ltd {i}", "buyer@customer.example", 3, "rep@portal.example", false)));
            await db.SaveChangesAsync();
        }

        await using var read = NewContext();
        var all = await Counting.CountAsync(read.Customers, CancellationToken.None);
        var exactly = await Counting.CountAsync(read.Customers.Where(c => c.Code.CompareTo("LC001000") < 0), CancellationToken.None);
        var one = await Counting.CountAsync(read.Customers.Where(c => c.Code.CompareTo("LC001001") < 0), CancellationToken.None);

        Assert.Equal(("more than ", Counting.Limit), (all.Words, all.Total));
        Assert.Equal(("", Counting.Limit), (exactly.Words, exactly.Total));
        Assert.Equal(("more than ", Counting.Limit), (one.Words, one.Total));
    }
}
