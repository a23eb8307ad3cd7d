using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
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
        var functions = new LaneFunctions(m, a, types, ops);

        var opSwitch = m.Switch(opcode);
        foreach (var op in ops)
        {
            var code = InstructionSet.ForVxm(op).Opcode;
            switch (op)
            {
                case VxmOp.Cvt:
                    var conversions = Conversions.Pairs(types)
                        .Select(p => (p.From, p.To, Value: Gated(m, $"cvt_{Name(p.From)}_{Name(p.To)}",
                            opcode.Eq(code) & from.Eq((int)p.From) & to.Eq((int)p.To),
                            Unary($"fn_cvt_{Name(p.From)}_{Name(p.To)}", x => Conversions.Create(x, p.From, p.To), a))))
                        .ToList();
                    if (conversions.Count > 0)
                        opSwitch.Case(code, () => EmitConversions(m, y, from, to, conversions));
                    break;
                case VxmOp.Requant:
                    if (vxm.Supports(DataType.I32) && vxm.Supports(DataType.I8))
                    {
                        var requant = Gated(m, "requant", opcode.Eq(code), RequantCall(a, scale, shift));
                        opSwitch.Case(code, () => m.Assign(y, requant));
                    }

                    break;
                default:
                    var results = new List<(DataType Type, Expr Value)>();
                    foreach (var t in types)
                    {
                        if (functions.IsTable(op, t))
                            results.Add((t, functions.Result(op, t, a, b)!));
                        else if (Binary($"fn_{Name(op)}_{Name(t)}", (x, z) => functions.Result(op, t, x, z), a, b) is { } call)
                            results.Add((t, Gated(m, $"{Name(op)}_{Name(t)}", opcode.Eq(code) & type.Eq((int)t), call)));
                    }

                    if (results.Count > 0)
                        opSwitch.Case(code, () => EmitByType(m, y, type, results));
                    break;
            }
        }

        opSwitch.Default(() => m.Assign(y, 0));
        return m;
    }

    /// <summary>
    /// The wire <paramref name="name"/>: <paramref name="call"/> while <paramref name="selected"/>, else 0, in
    /// an <c>always @*</c> of its own. A simulator runs the function only when the instruction in the stage
    /// selects it; one small block per datapath (rather than the calls inside the opcode case) also keeps
    /// Yosys's process conversion linear in the functions' local variables.
    /// </summary>
    private static Signal Gated(Module m, string name, Expr selected, Expr call)
    {
        var wire = m.Wire(name, 32);
        m.When(selected, () => m.Assign(wire, call));
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

    private static void EmitByType(Module m, Signal y, Signal type, List<(DataType Type, Expr Value)> results)
    {
        var typeSwitch = m.Switch(type);
        foreach (var (t, value) in results)
            typeSwitch.Case((int)t, () => m.Assign(y, value));
        typeSwitch.Default(() => m.Assign(y, 0));
    }

    private static void EmitConversions(Module m, Signal y, Signal from, Signal to, List<(DataType From, DataType To, Signal Value)> pairs)
    {
        var fromSwitch = m.Switch(from);
        foreach (var group in pairs.GroupBy(p => p.From))
        {
            fromSwitch.Case((int)group.Key, () =>
            {
                var toSwitch = m.Switch(to);
                foreach (var (_, t, value) in group)
                    toSwitch.Case((int)t, () => m.Assign(y, value));
                toSwitch.Default(() => m.Assign(y, 0));
            });
        }

        fromSwitch.Default(() => m.Assign(y, 0));
    }
}
