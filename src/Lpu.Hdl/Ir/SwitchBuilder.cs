using System.Numerics;
using System.Runtime.CompilerServices;
using Lpu.Hdl.Checks;

namespace Lpu.Hdl.Ir;

/// <summary>Adds cases to a <see cref="Module.Switch"/>. Case values are constants of the subject's type;
/// the emitted <c>case</c> always has a <c>default</c>.</summary>
public sealed class SwitchBuilder
{
    private readonly Module module;
    private readonly SwitchStatement statement;
    private readonly List<BigInteger> seen = [];

    internal SwitchBuilder(Module module, SwitchStatement statement)
    {
        this.module = module;
        this.statement = statement;
    }

    /// <summary>Runs <paramref name="body"/> when the subject equals <paramref name="value"/>.</summary>
    public SwitchBuilder Case(BigInteger value, Action body,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Add([value], body, SourceLocation.From(file, line));

    /// <summary>Runs <paramref name="body"/> when the subject equals any of <paramref name="values"/>.</summary>
    public SwitchBuilder Case(BigInteger[] values, Action body,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Add(values, body, SourceLocation.From(file, line));

    /// <summary>Runs <paramref name="body"/> when no case matched.</summary>
    public void Default(Action body) => module.InScope(statement.Default, body);

    private SwitchBuilder Add(BigInteger[] values, Action body, SourceLocation at)
    {
        var bits = new BigInteger[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var constant = Builder.ConstLike(values[i], statement.Subject);
            if (constant.Problem is { } problem)
            {
                module.Report(problem.Kind, $"case value: {problem.Message}", at);
            }
            else if (seen.Contains(constant.Bits))
            {
                module.Report(DiagnosticKind.InvalidUse, $"case value {values[i]} appears twice", at);
            }

            seen.Add(constant.Bits);
            bits[i] = constant.Bits;
        }

        var caseBody = new List<Statement>();
        statement.Cases.Add((bits, caseBody));
        module.InScope(caseBody, body);
        return this;
    }
}
