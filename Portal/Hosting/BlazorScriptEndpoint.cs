using System.Reflection.PortableExecutable;

namespace Portal.Hosting;

/// <summary>
/// Serves <c>_framework/blazor.web.js</c>. The .NET 10 package that ships it is not on our package feed, so the
/// build copies the .NET 9 Components.Endpoints assembly beside the app and we read the script out of its
/// embedded resources without loading the assembly. Drop this when the feed gains the .NET 10 assets package.
/// </summary>
public static class BlazorScriptEndpoint
{
    public const string Path = "/_framework/blazor.web.js";
    private const string ResourceName = "_framework/blazor.web.js";
    private static readonly string AssemblyPath =
        System.IO.Path.Combine(AppContext.BaseDirectory, "blazor-script", "Net9.Components.Endpoints.dll");

    public static IEndpointConventionBuilder MapBlazorScript(this IEndpointRouteBuilder endpoints)
    {
        var script = ReadScript(AssemblyPath);
        return endpoints.MapGet(Path, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(script, "text/javascript");
        }).AllowAnonymous();
    }

    internal static byte[] ReadScript(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (metadata.GetString(resource.Name) != ResourceName)
            {
                continue;
            }

            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var section = pe.GetSectionData(directory.RelativeVirtualAddress);
            var reader = section.GetReader((int)resource.Offset, section.Length - (int)resource.Offset);
            var length = reader.ReadInt32();
            return reader.ReadBytes(length);
        }

        throw new InvalidOperationException($"{ResourceName} was not found in {assemblyPath}; rebuild Portal to restore it.");
    }
}
