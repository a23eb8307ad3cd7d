using System.CommandLine;
using Lpu.Architecture.Configuration;

namespace Lpu.HdlGen;

/// <summary>
/// The shared <c>--preset NAME</c> / <c>--config FILE</c> pair every command that needs a
/// configuration takes: exactly one of them. Use <see cref="AddTo"/> then <see cref="Resolve"/>.
/// </summary>
internal sealed class ConfigOptions
{
    private ConfigOptions()
    {
    }

    /// <summary>The preset option.</summary>
    public Option<string?> Preset { get; } = new("--preset") { Description = $"Preset configuration: {string.Join(", ", Presets.Names)}." };

    /// <summary>The configuration file option.</summary>
    public Option<string?> Config { get; } = new("--config") { Description = "Configuration JSON file (see 'hdl-gen config')." };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public static ConfigOptions AddTo(Command command)
    {
        var options = new ConfigOptions();
        command.Options.Add(options.Preset);
        command.Options.Add(options.Config);
        return options;
    }

    /// <summary>The chosen configuration; bad usage or a bad file throws an input error (exit code 2).</summary>
    public LpuConfig Resolve(ParseResult parse)
    {
        var preset = parse.GetValue(Preset);
        var file = parse.GetValue(Config);
        if (preset is not null && file is not null)
            throw new ArgumentException("give either --preset NAME or --config FILE, not both");
        if (preset is not null)
            return Presets.Get(preset);
        if (file is not null)
            return ConfigJson.Load(file);
        throw new ArgumentException($"a configuration is needed: --preset NAME ({string.Join(", ", Presets.Names)}) or --config FILE");
    }
}
