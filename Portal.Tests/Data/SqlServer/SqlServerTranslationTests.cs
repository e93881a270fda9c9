using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Data.SqlServer;

/// <summary>The check every test context carries (<see cref="SqlServerTranslation"/>) refuses what SQL Server cannot run.</summary>
public sealed class SqlServerTranslationTests() : DatabaseTest(DatabaseProvider.Sqlite)
{
    [Fact]
    public void A_query_only_sqlite_can_translate_fails_the_test_that_runs_it()
    {
        using var context = NewContext();
        new TestData(context).AddProduct(sku: "BP-1");

        // GLOB is SQLite's own; SQL Server has no translation for it.
        var error = Assert.Throws<InvalidOperationException>(() => context.Products.Where(p => EF.Functions.Glob(p.Sku, "BP-*")).ToList());
        Assert.Contains("does not translate on SQL Server", error.Message);
    }

    [Fact]
    public void A_query_both_can_run_is_checked_and_runs_on_sqlite()
    {
        using var context = NewContext();
        new TestData(context).AddProduct(sku: "BP-7");
        var before = SqlServerTranslation.Count;

        var skus = context.Products.Where(p => p.Sku.StartsWith("BP-") && p.UnitPrice >= 0m).OrderByDescending(p => p.Sku).Select(p => p.Sku).ToList();

        Assert.Equal(["BP-7"], skus);
        Assert.True(SqlServerTranslation.Count > before);
    }
}
