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

        var results = new List<(int Opcode, Signal Value)>();
        foreach (var op in ops)
        {
            var code = InstructionSet.ForVxm(op).Opcode;
            var selected = opcode.Eq(code);
            switch (op)
            {
                case VxmOp.Cvt:
                    var conversions = Conversions.Pairs(types)
                        .Select(p => ((int)p.From << 3 | (int)p.To,
                            Unary($"fn_cvt_{Name(p.From)}_{Name(p.To)}", x => Conversions.Create(x, p.From, p.To), a)))
                        .ToList();
                    if (conversions.Count > 0)
                        results.Add((code, Gated(m, "cvt_y", selected, Hw.Concat(from, to), conversions)));
                    break;
                case VxmOp.Requant:
                    if (vxm.Supports(DataType.I32) && vxm.Supports(DataType.I8))
                    {
                        var requant = m.Wire("requant_y", 32);
                        m.When(selected, () => m.Assign(requant, RequantCall(a, scale, shift)));
                        results.Add((code, requant));
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
                        results.Add((code, Gated(m, $"{Name(op)}_y", selected, type, byType)));
                    break;
            }
        }

        var opSwitch = m.Switch(opcode);
        foreach (var (code, value) in results)
            opSwitch.Case(code, () => m.Assign(y, value));
        opSwitch.Default(() => m.Assign(y, 0));
        return m;
    }

    /// <summary>
    /// The wire <paramref name="name"/>: while <paramref name="selected"/> (the stage holds this op), the value of
    /// the case of <paramref name="select"/> (type, or from and to) among <paramref name="values"/>, else 0; in an
    /// <c>always @*</c> of its own. A simulator thus runs only the datapath of the instruction in the stage, and
    /// an idle lane costs one test and one store per op. The calls sit in a case of a few arms, not in the one
    /// opcode case that drives <c>y</c>: Yosys's process conversion builds a multiplexer for every function local
    /// over the whole case it sits in (30x slower with all calls in the opcode case).
    /// </summary>
    private static Signal Gated(Module m, string name, Expr selected, Expr select, List<(int Code, Expr Value)> values)
    {
        var wire = m.Wire(name, 32);
        m.When(selected, () =>
        {
            var cases = m.Switch(select);
            foreach (var (code, value) in values)
                cases.Case(code, () => m.Assign(wire, value));
            cases.Default(() => { });
        });
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
