using Lpu.Hdl.Ir;

namespace Lpu.Hdl.Checks;

/// <summary>Helpers that walk expressions and statement trees without recursion (trees can be deep).</summary>
internal static class ExprWalk
{
    /// <summary>Adds every signal <paramref name="expr"/> reads to <paramref name="into"/>.</summary>
    public static void Signals(Expr expr, List<Signal> into)
    {
        var stack = new Stack<Expr>();
        stack.Push(expr);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is Signal signal)
            {
                into.Add(signal);
                continue;
            }

            foreach (var operand in node.Operands)
            {
                stack.Push(operand);
            }
        }
    }

    /// <summary>Calls <paramref name="visit"/> for every assignment with the conditions (and switch subjects)
    /// that enclose it, outermost first.</summary>
    public static void Assignments(IReadOnlyList<Statement> body, Action<AssignStatement, IReadOnlyList<Expr>> visit)
    {
        var conditions = new List<Expr>();
        Walk(body, conditions, visit);
    }

    private static void Walk(IReadOnlyList<Statement> statements, List<Expr> conditions,
        Action<AssignStatement, IReadOnlyList<Expr>> visit)
    {
        // Nesting depth is the depth of When/Switch nesting written by hand: recursion is fine here.
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case AssignStatement assign:
                    visit(assign, conditions);
                    break;
                case IfStatement branch:
                    conditions.Add(branch.Condition);
                    Walk(branch.Then, conditions, visit);
                    Walk(branch.Else, conditions, visit);
                    conditions.RemoveAt(conditions.Count - 1);
                    break;
                case SwitchStatement choice:
                    conditions.Add(choice.Subject);
                    foreach (var (_, caseBody) in choice.Cases)
                    {
                        Walk(caseBody, conditions, visit);
                    }

                    Walk(choice.Default, conditions, visit);
                    conditions.RemoveAt(conditions.Count - 1);
                    break;
                default:
                    break;
            }
        }
    }
}
