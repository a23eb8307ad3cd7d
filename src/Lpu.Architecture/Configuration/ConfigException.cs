namespace Lpu.Architecture.Configuration;

/// <summary>
/// A configuration that is malformed or breaks a rule. <see cref="Path"/> is the JSON path
/// (e.g. <c>mxm.arraySize</c>) or <c>file:line:col</c> for malformed JSON. A
/// <see cref="FormatException"/>, so the CLI maps it to exit code 2.
/// </summary>
public sealed class ConfigException : FormatException
{
    /// <summary>Creates the error "<paramref name="path"/>: <paramref name="rule"/>".</summary>
    public ConfigException(string path, string rule)
        : base($"{path}: {rule}")
    {
        Path = path;
        Rule = rule;
    }

    /// <summary>Where: JSON path or file:line:col.</summary>
    public string Path { get; }

    /// <summary>The rule broken.</summary>
    public string Rule { get; }
}
