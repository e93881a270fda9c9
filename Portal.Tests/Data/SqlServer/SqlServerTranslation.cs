using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Data;
using Portal.Tests.Infrastructure;

// The raw-SQL query roots are EF internals; a test harness may lean on them, the app never does.
#pragma warning disable EF1001

namespace Portal.Tests.Data.SqlServer;

/// <summary>
/// Every LINQ query the tests run on SQLite or PostgreSQL is translated once more on SQL Server, offline: its
/// expression is moved onto SQL Server's model, compiled, run against a connection that never opens (the command text
/// is caught, an empty result returned) and the SQL parsed as T-SQL. A query that SQL Server cannot run fails the test
/// that ran it, so the check covers what the services really send, with no list to keep.
/// <see cref="TestDatabase"/> attaches it to every test context; the run's report is written to sqlserver-queries.sql.
/// </summary>
internal sealed class SqlServerTranslation : IQueryExpressionInterceptor
{
    public static readonly SqlServerTranslation Instance = new();

    private static readonly ConcurrentDictionary<string, Lazy<string>> Translated = new();
    private static readonly Lazy<DbContextOptions<PortalDbContext>> Offline = new(() =>
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        builder.UsePortalDatabase(DatabaseProvider.SqlServer, "Server=offline.invalid;Database=offline;TrustServerCertificate=True");
        builder.AddInterceptors(OfflineConnection.Instance);
        return builder.Options;
    });

    public static int Count => Translated.Count;

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        // Lazy: a query compiled by two tests at once is translated once, and its failure reaches both.
        _ = Translated.GetOrAdd(queryExpression.ToString(), _ => new(() => Translate(queryExpression))).Value;
        return queryExpression;
    }

    public static void WriteReport(string path) =>
        File.WriteAllText(path, $"-- {Count} LINQ queries translated on SQL Server, their SQL parsed as T-SQL (over raw SQL: not parsed)\n\n" +
            string.Join("\n\n", Translated.Values.Where(v => v.IsValueCreated).Select(v => v.Value + ";")));

    private static string Translate(Expression query)
    {
        using var context = PortalDbContext.Create(Offline.Value);
        var onSqlServer = new ModelSwap(context).Visit(query);
        var resultType = query.Type.GetInterfaces().Append(query.Type)
            .FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IQueryable<>)) is { } queryable
            ? typeof(IEnumerable<>).MakeGenericType(queryable.GetGenericArguments())
            : query.Type;

        Delegate executor;
        try
        {
            executor = (Delegate)CompileQuery.MakeGenericMethod(resultType).Invoke(context.GetService<IDatabase>(), [onSqlServer, false])!;
        }
        catch (TargetInvocationException e)
        {
            throw new InvalidOperationException($"This query does not translate on SQL Server: {e.InnerException!.Message}\n{query}", e.InnerException);
        }

        var queryContext = context.GetService<IQueryContextFactory>().Create();
        foreach (var parameter in new ParameterFinder().Find(onSqlServer))
        {
            queryContext.Parameters[parameter.Name] = SampleValue(parameter.Type);
        }

        var sql = OfflineConnection.Capture(() =>
        {
            var result = executor.DynamicInvoke(queryContext);
            if (result is System.Collections.IEnumerable rows and not string)
            {
                foreach (var _ in rows)
                {
                }
            }
        });

        var errors = TSql.Errors(sql);
        if (errors.Count > 0 && !new RawSqlFinder().HasRawSql(query))
        {
            throw new InvalidOperationException($"SQL Server's SQL for this query does not parse: {string.Join("; ", errors)}\n{sql}\n{query}");
        }

        return sql;
    }

    private static readonly MethodInfo CompileQuery = typeof(IDatabase).GetMethod(nameof(IDatabase.CompileQuery))!;

    // The value only shapes the SQL (null or not, a list's element type); every list travels as one parameter. Raw
    // SQL's arguments travel as one object[]: enough of them for any placeholder.
    private static object? SampleValue(Type type) =>
        type == typeof(string) ? "sample"
        : type == typeof(object[]) ? Enumerable.Repeat<object>(0, 16).ToArray()
        : type.IsArray ? Array.CreateInstance(type.GetElementType()!, 0)
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? Activator.CreateInstance(type)
        : type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type)
        : null;

    /// <summary>Points the query's roots at SQL Server's model of the same entity types.</summary>
    private sealed class ModelSwap(PortalDbContext sqlServer) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node) => node switch
        {
            FromSqlQueryRootExpression raw => new FromSqlQueryRootExpression(
                sqlServer.Model.FindEntityType(raw.EntityType.Name) ?? AdHocType(raw.EntityType.ClrType), raw.Sql, raw.Argument),
            EntityQueryRootExpression root => root.UpdateEntityType(sqlServer.Model.FindEntityType(root.EntityType.Name)!),
            _ => base.VisitExtension(node),
        };

        // SqlQuery<T> of a type outside the model maps it on the fly; let SQL Server's context map it too.
        private Microsoft.EntityFrameworkCore.Metadata.IEntityType AdHocType(Type type)
        {
            var query = (IQueryable)SqlQueryRaw.MakeGenericMethod(type).Invoke(null, [sqlServer.Database, "SELECT 1", Array.Empty<object>()])!;
            return ((FromSqlQueryRootExpression)query.Expression).EntityType;
        }

        private static readonly MethodInfo SqlQueryRaw = typeof(RelationalDatabaseFacadeExtensions).GetMethod(nameof(RelationalDatabaseFacadeExtensions.SqlQueryRaw))!;
    }

    private sealed class ParameterFinder : ExpressionVisitor
    {
        private readonly List<QueryParameterExpression> found = [];

        public IEnumerable<QueryParameterExpression> Find(Expression expression)
        {
            Visit(expression);
            return found.DistinctBy(p => p.Name);
        }

        protected override Expression VisitExtension(Expression node)
        {
            if (node is QueryParameterExpression parameter)
            {
                found.Add(parameter);
                return node;
            }

            return base.VisitExtension(node);
        }
    }

    /// <summary>A query over raw SQL carries the other provider's text; SqlServerSqlTests parses SQL Server's own.</summary>
    private sealed class RawSqlFinder : ExpressionVisitor
    {
        private bool found;

        public bool HasRawSql(Expression expression)
        {
            Visit(expression);
            return found;
        }

        protected override Expression VisitExtension(Expression node)
        {
            found |= node is FromSqlQueryRootExpression or SqlQueryRootExpression;
            return found ? node : base.VisitExtension(node);
        }
    }

    /// <summary>A connection that never opens: commands are caught and answered with no rows.</summary>
    private sealed class OfflineConnection : IDbConnectionInterceptor, IDbCommandInterceptor
    {
        public static readonly OfflineConnection Instance = new();
        private static readonly AsyncLocal<List<string>?> Commands = new();

        public static string Capture(Action run)
        {
            var commands = Commands.Value = [];
            try
            {
                run();
            }
            catch (Exception) when (commands.Count > 0)
            {
                // Reading no rows where one is expected (Single, Count) fails after the SQL was made; the SQL is what counts.
            }
            finally
            {
                Commands.Value = null;
            }

            return commands.Count > 0 ? string.Join(";\n", commands) : throw new InvalidOperationException("The query sent no command.");
        }

        public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            InterceptionResult<DbDataReader>.SuppressWithResult(Caught(command, new DataTable().CreateDataReader()));

        public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
            InterceptionResult<int>.SuppressWithResult(Caught(command, 0));

        public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
            InterceptionResult<object>.SuppressWithResult(Caught<object>(command, DBNull.Value));

        private static T Caught<T>(DbCommand command, T answer)
        {
            Commands.Value?.Add(command.CommandText);
            return answer;
        }
    }
}
