using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Top;

internal sealed partial class TopBuilder
{
    /// <summary>
    /// The trace output, in the layout of <see cref="TraceLayout"/>: the events of the current cycle.
    /// Stream values become readable one cycle after their producer drives them, so those fields come
    /// from registered copies of the producers' outputs; SRAM, ECC and issue events are this cycle's.
    /// Above the fields, one summary bit per field says whether it holds an event.
    /// </summary>
    private void BuildTrace(Instance vxm)
    {
        var l = c.LanesPerSuperlane;
        var fields = new List<Expr>();
        var summary = new List<Expr>();
        var memOut = slices.Select((s, i) => (
            Valid: Registered($"tr_mem_valid_{i}", s.Output("out_valid")),
            Code: Registered($"tr_mem_code_{i}", s.Output("out_code")),
            Data: Registered($"tr_mem_data_{i}", s.Output("out_data")))).ToList();
        var vValid = Registered("tr_vxm_valid", vxm.Output("out_valid"));
        var vCode = Registered("tr_vxm_code", vxm.Output("out_code"));
        var vBytes = Registered("tr_vxm_bytes", vxm.Output("out_bytes"));
        var vData = Registered("tr_vxm_data", vxm.Output("out_data"));
        foreach (var f in Trace.Fields)
        {
            var k = f.Superlane;
            fields.Add(f.Kind switch
            {
                TraceKind.MemStream => Field(f, Hw.Concat(Part(memOut[f.Unit].Code, k, 7), memOut[f.Unit].Valid[k]), Part(memOut[f.Unit].Data, k, 8 * l)),
                TraceKind.VxmStream => Event(f, vValid, vCode, vBytes, vData),
                TraceKind.SramWrite => Field(f, Hw.Concat(Part(slices[f.Unit].Output("sram_addr"), k, 16), slices[f.Unit].Output("sram_we")[k]),
                    Part(slices[f.Unit].Output("sram_wdata"), k, 8 * l)),
                TraceKind.Ecc => Field(f, Hw.Concat(Part(slices[f.Unit].Output("ecc_addr"), k, 16),
                    slices[f.Unit].Output("ecc_uncorrectable")[k], slices[f.Unit].Output("ecc_corrected")[k]), null),
                _ => Issue(f),
            });
            summary.Add(f.Kind switch
            {
                TraceKind.MemStream => memOut[f.Unit].Valid[k],
                TraceKind.VxmStream => vValid[(f.Unit * c.Superlanes) + k],
                TraceKind.SramWrite => slices[f.Unit].Output("sram_we")[k],
                TraceKind.Ecc => slices[f.Unit].Output("ecc_uncorrectable")[k] | slices[f.Unit].Output("ecc_corrected")[k],
                _ => queues.First(x => x.Index == f.Unit).Queue.Output("issue_valid"),
            });
        }

        m.Assign(traceOut, Hw.Concat([.. Enumerable.Reverse(summary), .. Enumerable.Reverse(fields)]));
    }

    private Expr Event(TraceField f, Signal valid, Signal code, Signal bytes, Signal data)
    {
        var i = (f.Unit * c.Superlanes) + f.Superlane;
        return Field(f, Hw.Concat(Part(bytes, i, 3), Part(code, i, 7), valid[i]), Part(data, i, 32 * c.LanesPerSuperlane));
    }

    private Expr Issue(TraceField f)
    {
        var q = queues.First(x => x.Index == f.Unit).Queue;
        return Field(f, q.Output("issue_valid"), q.Output("issue_word"));
    }

    /// <summary>A field as <see cref="TraceField"/> lays it out: the header zero-padded to a word, then the data to whole words.</summary>
    private Expr Field(TraceField f, Expr header, Expr? data)
    {
        var word = header.ZeroExtend(TraceField.HeaderBits);
        return data is null ? word : Hw.Concat(data.ZeroExtend(TraceField.WidthOf(f.Kind, c.LanesPerSuperlane) - TraceField.HeaderBits), word);
    }

    private static Expr Part(Expr bus, int index, int width) => bus[(width * index) + width - 1, width * index];

    private Signal Registered(string name, Expr value)
    {
        var r = m.Reg(name, value.Width, d);
        m.Assign(r, value);
        return r;
    }
}
