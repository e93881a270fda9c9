using System.Text.RegularExpressions;

namespace Portal.Tests.Browser;

/// <summary>
/// The app's number boxes as its Razor source writes them: each use of WholeNumberField or DecimalField with the id its
/// input gets (a pattern where the id is built per row), and any other way of taking numbers, which the app must not have.
/// </summary>
internal static partial class NumberBoxSources
{
    public sealed record Usage(string File, string InputId, Regex Matches);

    public static IReadOnlyList<Usage> Usages() =>
        RazorFiles().SelectMany(file => BoxTag().Matches(File.ReadAllText(file)).Select(tag => ToUsage(file, tag.Value))).ToList();

    /// <summary>"file: what" for every input that takes numbers without being one of the two boxes (so without their checks).</summary>
    public static IReadOnlyList<string> OtherNumberInputs() =>
        RazorFiles().Where(file => Path.GetFileName(file) is not ("WholeNumberField.razor" or "DecimalField.razor"))
            .SelectMany(file => OtherNumberInput().Matches(File.ReadAllText(file)).Select(m => $"{Relative(file)}: {m.Value}"))
            .ToList();

    private static Usage ToUsage(string file, string tag)
    {
        var id = InputIdAttribute().Match(tag);
        if (!id.Success)
        {
            return new Usage(Relative(file), "(none)", new Regex("^$"));
        }

        // @($"qty-{line.LineNumber}") becomes ^qty-.+$; a plain id matches itself.
        var text = id.Groups["built"].Success ? id.Groups["built"].Value : id.Groups["plain"].Value;
        var pattern = string.Join(".+", Interpolation().Split(text).Select(Regex.Escape));
        return new Usage(Relative(file), text, new Regex($"^{pattern}$"));
    }

    private static IEnumerable<string> RazorFiles()
    {
        var app = Path.Combine(PortalServer.RepositoryRoot(), "Portal");
        var built = new[] { $"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}" };
        return Directory.EnumerateFiles(app, "*.razor", SearchOption.AllDirectories).Where(f => !built.Any(f.Contains)).Order(StringComparer.Ordinal);
    }

    private static string Relative(string file) => Path.GetRelativePath(PortalServer.RepositoryRoot(), file);

    // A box's tag runs to its "/>": its attributes hold lambdas ("=>") but never "/>".
    [GeneratedRegex(@"<(WholeNumberField|DecimalField)\b.*?/>", RegexOptions.Singleline)]
    private static partial Regex BoxTag();

    [GeneratedRegex(@"InputId=""(@\(\$""(?<built>[^""]*)""\)|(?<plain>[^""@]*))""")]
    private static partial Regex InputIdAttribute();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"MudNumericField|InputNumber|type=""number""|InputMode\.numeric|InputMode\.@decimal|inputmode=""(numeric|decimal)""|<MudTextField\s+T=""(int|long|short|decimal|double|float)\??""")]
    private static partial Regex OtherNumberInput();
}
