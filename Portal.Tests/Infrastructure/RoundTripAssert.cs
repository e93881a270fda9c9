using Microsoft.EntityFrameworkCore;

namespace Portal.Tests.Infrastructure;

/// <summary>Compares every mapped property of an entity as written with the same entity read back.</summary>
public static class RoundTripAssert
{
    /// <summary>
    /// Asserts that each property the model maps for <typeparamref name="T"/> (shadow properties aside) reads back
    /// equal, naming the property that does not. Timestamps compare as instants (DateTimeOffset equality).
    /// </summary>
    public static void SameMappedValues<T>(DbContext context, T written, T read) where T : class
    {
        Assert.NotSame(written, read);
        var entityType = context.Model.FindEntityType(typeof(T)) ?? throw new ArgumentException($"{typeof(T).Name} is not mapped.");
        var compared = 0;
        foreach (var property in entityType.GetProperties().Where(p => !p.IsShadowProperty()))
        {
            var expected = Value(property.PropertyInfo, property.FieldInfo, written);
            var actual = Value(property.PropertyInfo, property.FieldInfo, read);
            Assert.True(Equals(expected, actual), $"{typeof(T).Name}.{property.Name}: wrote {Show(expected)}, read {Show(actual)}");
            compared++;
        }

        Assert.True(compared > 0, $"{typeof(T).Name} has no mapped properties to compare.");
    }

    private static object? Value(System.Reflection.PropertyInfo? property, System.Reflection.FieldInfo? field, object entity) =>
        property is not null ? property.GetValue(entity) : field!.GetValue(entity);

    private static string Show(object? value) => value switch
    {
        null => "null",
        DateTimeOffset time => time.ToString("O"),
        _ => $"{value} ({value.GetType().Name})",
    };
}
