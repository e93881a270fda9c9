using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Portal.Domain.Admin;
using Portal.Domain.Common;

namespace Portal.Data;

/// <summary>
/// The audit log's two rules, kept at the one place every save passes: an audit entry is never changed or deleted
/// by the app, and an entry written with a change records the before → after of every field that change moved, so no
/// service has to remember to describe them. Secrets are named, never shown.
/// </summary>
internal static class AuditTrail
{
    private const int MaxShown = 200;

    public static void BeforeSave(ChangeTracker tracker)
    {
        var entries = tracker.Entries().ToList();
        if (entries.Any(e => e.Entity is AuditEvent && e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only: an entry cannot be changed or deleted.");
        }

        // One action, one entry: the first entry of the save carries the field changes of the whole save.
        if (entries.FirstOrDefault(e => e is { Entity: AuditEvent, State: EntityState.Added })?.Entity is not AuditEvent audit)
        {
            return;
        }

        var changes = entries.Where(e => e.State == EntityState.Modified && e.Entity is not AuditEvent).SelectMany(Changes).ToList();
        if (changes.Count > 0)
        {
            audit.RecordChanges(string.Join("\n", changes));
        }
    }

    private static IEnumerable<string> Changes(EntityEntry entry)
    {
        var name = $"{entry.Metadata.ClrType.Name} {string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue))}";
        foreach (var property in entry.Properties)
        {
            if (!property.IsModified || property.Metadata.IsConcurrencyToken || Equals(property.OriginalValue, property.CurrentValue))
            {
                continue;
            }

            var field = property.Metadata.Name;
            yield return IsSecret(field)
                ? $"{name} {field}: changed"
                : $"{name} {field}: {Text(property.OriginalValue)} → {Text(property.CurrentValue)}";
        }
    }

    private static bool IsSecret(string field) =>
        field.Contains("Password", StringComparison.OrdinalIgnoreCase) || field.Contains("Stamp", StringComparison.Ordinal)
        || field.Contains("Secret", StringComparison.OrdinalIgnoreCase);

    private static string Text(object? value)
    {
        var text = value switch
        {
            null => "none",
            DateOnly date => Show.Date(date),
            DateTimeOffset at => Show.Time(at),
            bool flag => flag ? "yes" : "no",
            decimal number => number.ToString("0.####", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.Length > MaxShown ? text[..MaxShown] + "…" : text;
    }
}
