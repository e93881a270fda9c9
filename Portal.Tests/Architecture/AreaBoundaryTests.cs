using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Portal.Tests.Browser;

namespace Portal.Tests.Architecture;

/// <summary>
/// An area (a folder under Portal/Features) uses another area's public services, never its internals: a type an area
/// keeps internal (its loaders, writers, locks, its own exceptions) is named in no source file outside that area's folder.
/// </summary>
public sealed class AreaBoundaryTests
{
    private static readonly string Features = Path.Combine(PortalServer.RepositoryRoot(), "Portal", "Features");

    [Fact]
    public void No_area_names_another_areas_internal_types()
    {
        var internals = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsPublic: false, IsNested: false } && !t.IsDefined(typeof(CompilerGeneratedAttribute)) && !t.Name.Contains('<'))
            .Select(t => (Area: AreaOf(t.Namespace), t.Name))
            .Where(t => t.Area is not null)
            .ToList();
        Assert.Contains(internals, t => t is { Area: "Allocation", Name: "AllocationLoader" }); // the check sees what it guards

        var crossings = (
            from file in SourceFiles()
            let area = Path.GetRelativePath(Features, file).Split(Path.DirectorySeparatorChar)[0]
            let text = File.ReadAllText(file)
            from type in internals
            where type.Area != area && Regex.IsMatch(text, $@"\b{Regex.Escape(GenericName(type.Name))}\b")
            select $"{Path.GetRelativePath(Features, file)} names {type.Area}'s internal {type.Name}").ToList();

        Assert.True(crossings.Count == 0, string.Join("\n", crossings));
    }

    private static string? AreaOf(string? ns) =>
        ns?.StartsWith("Portal.Features.", StringComparison.Ordinal) == true ? ns.Split('.')[2] : null;

    private static string GenericName(string name) => name.Split('`')[0];

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Features, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cs") || f.EndsWith(".razor"));
}
