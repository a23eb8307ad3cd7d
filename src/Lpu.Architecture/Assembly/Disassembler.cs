using System.Text;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Programs;

namespace Lpu.Architecture.Assembly;

/// <summary>
/// Turns a program back into assembly text in canonical form: non-empty queues in global order,
/// then <c>.data</c> blocks as <c>.bytes</c> lines, then maps. Assembling the text gives the same program.
/// </summary>
public static class Disassembler
{
    /// <summary>The canonical assembly text of <paramref name="program"/>.</summary>
    public static string ToText(LpuProgram program)
    {
        var sb = new StringBuilder();
        sb.Append("; LPU program, configuration ").Append(ConfigJson.Hash(program.Config)).Append('\n');
        for (var q = 0; q < program.Queues.Count; q++)
        {
            if (program.Queues[q].Count == 0)
                continue;
            sb.Append(program.Floorplan.Queues[q].Name).Append(":\n");
            foreach (var ins in program.Queues[q])
                sb.Append("    ").Append(ins).Append('\n');
        }

        var vl = program.Config.VectorLength;
        foreach (var block in program.Data)
        {
            sb.Append(".data ").Append(block.Slice).Append(' ').Append(block.Address).Append('\n');
            for (var w = 0; w < block.WordCount(vl); w++)
                sb.Append("    .bytes ").AppendJoin(' ', block.Bytes.Skip(w * vl).Take(vl)).Append('\n');
        }

        foreach (var map in program.Maps)
        {
            sb.Append(map.Kind == SxmMapKind.Permute ? ".permute " : ".distribute ")
                .Append(map.QueueName).Append(' ').Append(map.Slot).Append(' ').AppendJoin(' ', map.Entries).Append('\n');
        }

        return sb.ToString();
    }
}
