using System.Text;
using Lpu.Hdl.Ir;

namespace Lpu.Hdl.Verilog;

internal sealed partial class ModuleWriter
{
    private readonly Dictionary<object, (string Outer, string? Inner)> blockLabels = new(ReferenceEqualityComparer.Instance);
    private string genvarI = "gi";
    private string genvarJ = "gj";

    private void LegalizeGenerate()
    {
        foreach (var array in module.InstanceArrays)
        {
            blockLabels[array] = array.Dimensions.Count == 1
                ? (names.Unique(array.Name), null)
                : (names.Unique(array.Name + "_row"), names.Unique(array.Name + "_col"));
        }

        var links = 0;
        foreach (var link in module.BusLinks)
        {
            blockLabels[link] = (names.Unique($"{link.Pattern.Array.Name}_{(link.ToArray ? "unpack" : "pack")}{links++}"), null);
        }

        if (blockLabels.Count > 0)
        {
            genvarI = names.Unique("gi");
            genvarJ = names.Unique("gj");
        }
    }

    /// <summary>All write ports of a memory in one clocked block (one driver), then one block per read port:
    /// the shape Yosys infers as <c>$mem</c>.</summary>
    private void WriteMemories(StringBuilder text)
    {
        foreach (var memory in module.Memories)
        {
            var name = names[memory];
            if (memory.WritePorts.Count > 0)
            {
                text.AppendLine($"{Indent}always @(posedge {names[memory.WritePorts[0].Clock]}) begin");
                foreach (var port in memory.WritePorts)
                {
                    text.AppendLine($"{Indent}{Indent}if ({writer.Write(port.Enable)}) begin");
                    text.AppendLine($"{Indent}{Indent}{Indent}{name}[{Address(memory, port.Address)}] <= {writer.Write(port.Data)};");
                    text.AppendLine($"{Indent}{Indent}end");
                }

                text.AppendLine($"{Indent}end");
            }

            foreach (var port in memory.ReadPorts)
            {
                text.AppendLine($"{Indent}always @(posedge {names[port.Clock]}) begin");
                var read = $"{names[port.Data]} <= {name}[{Address(memory, port.Address)}];";
                if (port.Enable is { } enable)
                {
                    text.AppendLine($"{Indent}{Indent}if ({writer.Write(enable)}) begin");
                    text.AppendLine($"{Indent}{Indent}{Indent}{read}");
                    text.AppendLine($"{Indent}{Indent}end");
                }
                else
                {
                    text.AppendLine($"{Indent}{Indent}{read}");
                }

                text.AppendLine($"{Indent}end");
            }
        }
    }

    private string Address(Memory memory, Expr address) =>
        address.Width >= memory.AddressWidth
            ? writer.Write(address)
            : $"{{{ExprWriter.Literal(0, memory.AddressWidth - address.Width)}, {writer.Write(address)}}}";

    private void WriteInstances(StringBuilder text)
    {
        foreach (var instance in module.Instances)
        {
            var (definition, childNames) = child(instance.Definition);
            var connections = instance.Definition.Ports.Select(port =>
            {
                var value = port.Kind == SignalKind.Input
                    ? writer.Write(instance.InputConnection(port.Name)!.Value.Value)
                    : names[instance.OutputConnection(port.Name)!];
                return $".{childNames[port]}({value})";
            });
            WriteInstance(text, definition, names[instance], connections, 1);
        }
    }

    private static void WriteInstance(StringBuilder text, string definition, string name, IEnumerable<string> connections, int depth)
    {
        var pad = string.Concat(Enumerable.Repeat(Indent, depth));
        var list = connections.ToList();
        if (list.Count == 0)
        {
            text.AppendLine($"{pad}{definition} {name} ();");
            return;
        }

        text.AppendLine($"{pad}{definition} {name} (");
        for (var i = 0; i < list.Count; i++)
        {
            text.AppendLine($"{pad}{Indent}{list[i]}{(i + 1 < list.Count ? "," : string.Empty)}");
        }

        text.AppendLine($"{pad});");
    }

    /// <summary>Instance arrays and bus links as <c>generate for</c> loops over net arrays: constant text
    /// whatever the array size.</summary>
    private void WriteGenerate(StringBuilder text)
    {
        if (blockLabels.Count == 0)
        {
            return;
        }

        var usesJ = module.InstanceArrays.Any(a => a.Dimensions.Count == 2);
        text.AppendLine($"{Indent}genvar {genvarI};");
        if (usesJ)
        {
            text.AppendLine($"{Indent}genvar {genvarJ};");
        }

        text.AppendLine($"{Indent}generate");
        foreach (var link in module.BusLinks)
        {
            var element = Element(link.Pattern);
            var width = link.Pattern.Array.Width;
            var slice = $"[{genvarI} * {width} +: {width}]";
            text.AppendLine($"{Indent}{Indent}for ({genvarI} = 0; {genvarI} < {link.Count}; {genvarI} = {genvarI} + 1) begin : {blockLabels[link].Outer}");
            text.AppendLine(link.ToArray
                ? $"{Indent}{Indent}{Indent}assign {element} = {writer.Name(link.Bus)}{slice};"
                : $"{Indent}{Indent}{Indent}assign {names[(Signal)link.Bus]}{slice} = {element};");
            text.AppendLine($"{Indent}{Indent}end");
        }

        foreach (var array in module.InstanceArrays)
        {
            var (outer, inner) = blockLabels[array];
            var (definition, childNames) = child(array.Definition);
            text.AppendLine($"{Indent}{Indent}for ({genvarI} = 0; {genvarI} < {array.Dimensions[0]}; {genvarI} = {genvarI} + 1) begin : {outer}");
            var depth = 3;
            if (inner is not null)
            {
                text.AppendLine($"{Indent}{Indent}{Indent}for ({genvarJ} = 0; {genvarJ} < {array.Dimensions[1]}; {genvarJ} = {genvarJ} + 1) begin : {inner}");
                depth = 4;
            }

            var connections = array.Definition.Ports.Select(port =>
            {
                var connection = array.ConnectionOf(port.Name)!;
                var value = connection.Pattern is { } pattern ? Element(pattern) : writer.Write(connection.Value!);
                return $".{childNames[port]}({value})";
            });
            WriteInstance(text, definition, "u", connections, depth);
            if (inner is not null)
            {
                text.AppendLine($"{Indent}{Indent}{Indent}end");
            }

            text.AppendLine($"{Indent}{Indent}end");
        }

        text.AppendLine($"{Indent}endgenerate");
    }

    private string Element(NetArrayRef pattern) =>
        names[pattern.Array] + string.Concat(pattern.Indices.Select(i => $"[{Index(i)}]"));

    private string Index(Ix index)
    {
        if (index.Variable < 0)
        {
            return index.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var name = index.Variable == 0 ? genvarI : genvarJ;
        return index.Offset switch
        {
            0 => name,
            > 0 => $"{name} + {index.Offset}",
            _ => $"{name} - {-index.Offset}",
        };
    }
}
