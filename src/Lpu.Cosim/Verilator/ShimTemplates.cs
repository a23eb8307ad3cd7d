using System.Reflection;
using HandlebarsDotNet;

namespace Lpu.Cosim.Verilator;

/// <summary>Renders the embedded sim/templates/verilator-*.hbs files into a build workspace.</summary>
internal static class ShimTemplates
{
    /// <summary>Workspace file name and the template it comes from, in a fixed order.</summary>
    private static readonly (string File, string Template)[] Files =
    [
        ("shim.cpp", "verilator-shim.cpp.hbs"),
        ("shim.h", "verilator-shim.h.hbs"),
        ("exports.map", "verilator-exports.map.hbs"),
        ("build.sh", "verilator-build.sh.hbs"),
    ];

    private static readonly Lazy<(string File, HandlebarsTemplate<object, object> Render)[]> Compiled = new(Compile);

    /// <summary>The rendered files, by workspace file name, in a fixed order.</summary>
    public static IReadOnlyList<(string File, string Text)> Render(ShimModel model) =>
        [.. Compiled.Value.Select(t => (t.File, t.Render(model)))];

    private static (string, HandlebarsTemplate<object, object>)[] Compile()
    {
        // NoEscape: the output is C++ and bash, not HTML.
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
        var assembly = typeof(ShimTemplates).Assembly;
        return [.. Files.Select(f => (f.File, handlebars.Compile(ReadResource(assembly, f.Template))))];
    }

    private static string ReadResource(Assembly assembly, string template)
    {
        var name = "Lpu.Cosim.Verilator." + template;
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"template resource '{name}' is missing from {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
