using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Vxm.Lane;

/// <summary>
/// Generates <c>lpu_vxm_lane</c>: one VXM ALU on one lane, a purely combinational function of
/// (<c>opcode[7:0]</c>, <c>type[2:0]</c>, <c>from[2:0]</c>, <c>to[2:0]</c>, <c>a[31:0]</c>, <c>b[31:0]</c>,
/// <c>scale[15:0]</c>, <c>shift[5:0]</c>) to <c>y[31:0]</c> (docs/rtl.md, architecture.md §6). Only the
/// configuration's <c>vxm.dataTypes</c> and <c>vxm.ops</c> get logic; anything else gives 0, as do the
/// bytes past the result type's width.
/// </summary>
public static class VxmLaneGenerator
{
    /// <summary>The module name.</summary>
    public const string ModuleName = "lpu_vxm_lane";

    /// <summary>Builds the lane for <paramref name="config"/>.</summary>
    public static Module Create(LpuConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var vxm = config.Vxm;
        var m = new Module(ModuleName);
        var opcode = m.Input("opcode", 8);
        var type = m.Input("type", 3);
        var from = m.Input("from", 3);
        var to = m.Input("to", 3);
        var a = m.Input("a", 32);
        var b = m.Input("b", 32);
        var scale = m.Input("scale", 16);
        var shift = m.Input("shift", 6);
        var y = m.Output("y", 32);

        var types = Enum.GetValues<DataType>().Where(vxm.Supports).ToList();
        var ops = Enum.GetValues<VxmOp>().Where(vxm.Supports).ToList();
        var functions = new LaneFunctions(m, a, types, ops, op => opcode.Eq(InstructionSet.ForVxm(op).Opcode) & type.Eq((int)DataType.I8));

        // Per op: its opcode, what selects among its values (type, or from and to) and the values.
        var logic = new List<(VxmOp Op, int Opcode, Expr Select, List<(int Code, Expr Value)> Values)>();
        Signal? requant = null;
        foreach (var op in ops)
        {
            var code = InstructionSet.ForVxm(op).Opcode;
            switch (op)
            {
                case VxmOp.Cvt:
                    var conversions = Conversions.Pairs(types)
                        .Select(p => ((int)p.From << 3 | (int)p.To,
                            Unary($"fn_cvt_{Name(p.From)}_{Name(p.To)}", x => Conversions.Create(x, p.From, p.To), a)))
                        .ToList();
                    if (conversions.Count > 0)
                        logic.Add((op, code, Hw.Concat(from, to), conversions));
                    break;
                case VxmOp.Requant:
                    if (vxm.Supports(DataType.I32) && vxm.Supports(DataType.I8))
                    {
                        var wire = m.Wire("requant_y", 32);
                        m.When(opcode.Eq(code), () => m.Assign(wire, RequantCall(a, scale, shift)));
                        requant = wire;
                    }

                    break;
                default:
                    var byType = new List<(int Type, Expr Value)>();
                    foreach (var t in types)
                    {
                        if (functions.IsTable(op, t))
                            byType.Add(((int)t, functions.Result(op, t, a, b)!));
                        else if (Binary($"fn_{Name(op)}_{Name(t)}", (x, z) => functions.Result(op, t, x, z), a, b) is { } call)
                            byType.Add(((int)t, call));
                    }

                    if (byType.Count > 0)
                        logic.Add((op, code, type, byType));
                    break;
            }
        }

        // Every group's wire is 0 unless the stage holds one of its ops, so y is their OR.
        var results = logic.GroupBy(x => GroupOf(x.Op))
            .Select(g => (Expr)Gated(m, $"{g.Key}_y", opcode, [.. g.Select(x => (x.Opcode, x.Select, x.Values))]))
            .ToList();
        if (requant is not null)
            results.Add(requant);
        m.Assign(y, results.Count == 0 ? Hw.Const(0, 32) : results.Aggregate((acc, r) => acc | r));
        return m;
    }

    /// <summary>
    /// The ops that share one <c>always @*</c> block (and wire): the cheap element-wise ops together, the
    /// tables together, and each op whose float datapath is large on its own. A simulator pays one test
    /// and one store per block on every tick of an idle lane, so fewer blocks tick faster; Yosys's process
    /// conversion builds a multiplexer for every function local over the whole case it sits in, so the
    /// large ones stay apart (all calls in one opcode case made synthesis ~30x slower).
    /// </summary>
    private static string GroupOf(VxmOp op) => op switch
    {
        VxmOp.Min or VxmOp.Max or VxmOp.And or VxmOp.Or or VxmOp.Xor or VxmOp.Mov or VxmOp.Neg or VxmOp.Abs or VxmOp.Relu or VxmOp.Not => "elementwise",
        VxmOp.Tanh or VxmOp.Exp or VxmOp.Rsqrt => "table",
        _ => Name(op),
    };

    /// <summary>
    /// The wire <paramref name="name"/>, in an <c>always @*</c> of its own: while <paramref name="opcode"/>
    /// is one of <paramref name="ops"/>, the value of the case of that op's select (type, or from and to)
    /// among its values, else 0. A simulator thus runs only the datapath of the instruction in the stage.
    /// </summary>
    private static Signal Gated(Module m, string name, Expr opcode, List<(int Opcode, Expr Select, List<(int Code, Expr Value)> Values)> ops)
    {
        var wire = m.Wire(name, 32);
        void Arms((int Opcode, Expr Select, List<(int Code, Expr Value)> Values) op)
        {
            var cases = m.Switch(op.Select);
            foreach (var (code, value) in op.Values)
                cases.Case(code, () => m.Assign(wire, value));
            cases.Default(() => { });
        }

        if (ops.Count == 1)
        {
            m.When(opcode.Eq(ops[0].Opcode), () => Arms(ops[0]));
            return wire;
        }

        var opSwitch = m.Switch(opcode);
        foreach (var op in ops)
            opSwitch.Case(op.Opcode, () => Arms(op));
        opSwitch.Default(() => { });
        return wire;
    }

    /// <summary>A call of <c>name(a, b)</c>, the function built from <paramref name="body"/> over its
    /// arguments; null when the body has no result for this op and type.</summary>
    private static Expr? Binary(string name, Func<Expr, Expr, Expr?> body, Expr a, Expr b)
    {
        var function = new Function(name, 32);
        var x = function.Argument("a", 32);
        var z = function.Argument("b", 32);
        if (body(x, z) is not { } result)
            return null;
        function.Return(result);
        return function.Call([a, b]);
    }

    private static Expr Unary(string name, Func<Expr, Expr> body, Expr a)
    {
        var function = new Function(name, 32);
        function.Return(body(function.Argument("a", 32)));
        return function.Call([a]);
    }

    private static Expr RequantCall(Expr a, Expr scale, Expr shift)
    {
        var function = new Function("fn_requant", 32);
        var x = function.Argument("a", 32);
        var s = function.Argument("scale", 16);
        var n = function.Argument("shift", 6);
        function.Return(Requant.Create(x, s, n));
        return function.Call([a, scale, shift]);
    }

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
