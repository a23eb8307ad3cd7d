using System.Text;
using Lpu.Hdl.Ir;

namespace Lpu.Hdl.Verilog;

internal sealed partial class ModuleWriter
{
    /// <summary>The functions this module calls, callees before callers, in order of first call.</summary>
    private readonly List<Function> functions = [];

    private void AddFunction(Function function)
    {
        if (functions.Contains(function))
        {
            return;
        }

        // Calls inside the body first, so a function is declared before the ones that call it.
        var stack = new Stack<Expr>();
        var seen = new HashSet<Expr>(ReferenceEqualityComparer.Instance);
        if (function.Body is { } body)
        {
            stack.Push(body);
        }

        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node))
            {
                continue;
            }

            if (node is CallExpr call)
            {
                AddFunction(call.Function);
            }

            foreach (var operand in node.Operands)
            {
                stack.Push(operand);
            }
        }

        functions.Add(function);
    }

    /// <summary>Function and argument names come from the module's table, so no local name hides a module
    /// name (Verilator's VARHIDDEN).</summary>
    private void LegalizeFunctions()
    {
        foreach (var function in functions)
        {
            names.Add(function, function.Name);
            foreach (var argument in function.Arguments)
            {
                names.Add(argument, $"{function.Name}_{argument.Name}");
            }
        }
    }

    /// <summary>
    /// <c>function automatic</c> per called function: the arguments as inputs, a local reg with a blocking
    /// assignment per shared subexpression (in dependency order), then the result. Bits of arguments and
    /// locals that nothing reads go to a local <c>*unused*</c> reg, as at module level.
    /// </summary>
    private void WriteFunctions(StringBuilder text)
    {
        foreach (var function in functions)
        {
            var body = function.Body!;
            var bodyUses = new Dictionary<Expr, int>(ReferenceEqualityComparer.Instance);
            CountUses(body, bodyUses);
            var locals = new StringBuilder();
            var statements = new StringBuilder();
            var localNames = new Dictionary<Expr, string>(ReferenceEqualityComparer.Instance);
            ExprWriter? local = null;
            string Local(Expr expr)
            {
                if (localNames.TryGetValue(expr, out var name))
                {
                    return name;
                }

                name = names.Unique("tmp");
                localNames.Add(expr, name);
                var value = local!.WriteInline(expr);
                locals.AppendLine($"{Indent}{Indent}reg {Type(expr.Width, false)}{name};");
                statements.AppendLine($"{Indent}{Indent}{Indent}{name} = {value};");
                return name;
            }

            local = new ExprWriter(names, bodyUses, Local);
            var result = local.Write(body);
            var fn = names[function];
            text.AppendLine($"{Indent}function automatic {Type(function.Width, function.Signed)}{fn};");
            foreach (var argument in function.Arguments)
            {
                text.AppendLine($"{Indent}{Indent}input {Type(argument.Width, argument.Signed)}{names[argument]};");
            }

            var sunk = function.Arguments.Where(a => !FullyRead(a, body)).Select(a => names[a]).Concat(local.PartlyReadTemporaries).ToList();
            var sink = sunk.Count > 0 ? names.Unique($"{function.Name}_unused") : null;
            if (sink is not null)
            {
                locals.AppendLine($"{Indent}{Indent}reg {sink};");
            }

            text.Append(locals);
            text.AppendLine($"{Indent}{Indent}begin");
            text.Append(statements);
            if (sink is not null)
            {
                text.AppendLine($"{Indent}{Indent}{Indent}{sink} = &{{1'b0, {string.Join(", ", sunk)}, 1'b0}};");
            }

            text.AppendLine($"{Indent}{Indent}{Indent}{fn} = {result};");
            text.AppendLine($"{Indent}{Indent}end");
            text.AppendLine($"{Indent}endfunction");
        }
    }

    /// <summary>True when every bit of <paramref name="argument"/> is read somewhere in <paramref name="body"/>.</summary>
    private static bool FullyRead(ArgumentExpr argument, Expr body)
    {
        var read = new bool[argument.Width];
        var stack = new Stack<Expr>();
        var seen = new HashSet<Expr>(ReferenceEqualityComparer.Instance);
        stack.Push(body);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node))
            {
                continue;
            }

            if (ReferenceEquals(node, argument))
            {
                return true;
            }

            if (node is SliceExpr { Operand: var operand } slice && ReferenceEquals(operand, argument))
            {
                Array.Fill(read, true, slice.Low, slice.High - slice.Low + 1);
                continue;
            }

            foreach (var child in node.Operands)
            {
                stack.Push(child);
            }
        }

        return Array.IndexOf(read, false) < 0;
    }
}
