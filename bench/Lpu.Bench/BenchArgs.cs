namespace Lpu.Bench;

/// <summary>
/// A scenario's arguments: switches (<c>--pgo</c>), options that take a value (<c>--rtl DIR</c>,
/// repeatable) and the positional rest (presets). An unknown <c>--name</c> or an option without its
/// value is an <see cref="ArgumentException"/>, which Program prints as one line.
/// </summary>
internal sealed class BenchArgs
{
    private readonly HashSet<string> switches = [];
    private readonly Dictionary<string, List<string>> values = [];

    /// <param name="args">The scenario's arguments (after its name).</param>
    /// <param name="knownSwitches">Names that take no value.</param>
    /// <param name="knownOptions">Names that take one value each time they appear.</param>
    public BenchArgs(string[] args, IReadOnlyCollection<string> knownSwitches, IReadOnlyCollection<string> knownOptions)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (knownSwitches.Contains(arg))
            {
                switches.Add(arg);
            }
            else if (knownOptions.Contains(arg))
            {
                if (i + 1 >= args.Length)
                    throw new ArgumentException($"{arg} needs a value");
                if (!values.TryGetValue(arg, out var list))
                    values[arg] = list = [];
                list.Add(args[++i]);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unknown option '{arg}' (known: {string.Join(", ", knownSwitches.Concat(knownOptions).Order(StringComparer.Ordinal))})");
            }
            else
            {
                Positional.Add(arg);
            }
        }
    }

    /// <summary>The arguments that are neither switches nor options, in order.</summary>
    public List<string> Positional { get; } = [];

    public bool Has(string name) => switches.Contains(name);

    /// <summary>The last value given for <paramref name="name"/>, or null.</summary>
    public string? Value(string name) => values.TryGetValue(name, out var list) ? list[^1] : null;

    /// <summary>Every value given for <paramref name="name"/>, in order.</summary>
    public IReadOnlyList<string> Values(string name) => values.TryGetValue(name, out var list) ? list : [];

    /// <summary>The last value given for <paramref name="name"/> as a whole number from 1 to <paramref name="max"/>, or <paramref name="fallback"/> when not given.</summary>
    public int PositiveInt(string name, int fallback, int max)
    {
        var text = Value(name);
        if (text is null)
            return fallback;
        if (!int.TryParse(text, out var n) || n < 1 || n > max)
            throw new ArgumentException($"{name}: a whole number from 1 to {max:N0}, got '{text}'");
        return n;
    }
}
