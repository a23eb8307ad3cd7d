using System.Collections.Concurrent;
using HandlebarsDotNet;

namespace Lpu.Hdl.Templates;

/// <summary>
/// Renders the Handlebars templates of <c>sim/templates/</c> (embedded in this assembly as resources
/// <c>templates/NAME</c>): file-level text only — headers, filelists, testbenches, simulator harnesses.
/// Module bodies never come from templates. Output is not HTML-escaped. Thread-safe.
/// </summary>
public static class TemplateLibrary
{
    private static readonly IHandlebars Engine = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
    private static readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> Compiled = new(StringComparer.Ordinal);

    /// <summary>Template names (file names under <c>sim/templates/</c>), sorted.</summary>
    public static IReadOnlyList<string> Names =>
        [.. typeof(TemplateLibrary).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("templates/", StringComparison.Ordinal))
            .Select(n => n["templates/".Length..])
            .Order(StringComparer.Ordinal)];

    /// <summary>Renders template <paramref name="name"/> (e.g. <c>filelist.f.hbs</c>) with <paramref name="model"/>.</summary>
    public static string Render(string name, object model) => Compiled.GetOrAdd(name, Compile)(model);

    private static HandlebarsTemplate<object, object> Compile(string name)
    {
        using var stream = typeof(TemplateLibrary).Assembly.GetManifestResourceStream("templates/" + name)
            ?? throw new ArgumentException($"no template '{name}' in sim/templates (have: {string.Join(", ", Names)})", nameof(name));
        using var reader = new StreamReader(stream);
        return Engine.Compile(reader.ReadToEnd());
    }
}
