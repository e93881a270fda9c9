using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Common;

namespace Portal.Data.Configurations;

internal static class EntityConfigurationExtensions
{
    public static void HasVersion<T>(this EntityTypeBuilder<T> builder) where T : Entity =>
        builder.Property(e => e.Version).IsConcurrencyToken();

    /// <summary>Quotes a column for check constraints and index filters; SQLite and PostgreSQL both take "Name".</summary>
    public static string Col(string name) => $"\"{name}\"";
}
