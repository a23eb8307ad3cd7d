using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;

namespace Lpu.Architecture.Tests;

public class ProgramBuilderTests
{
    [Fact]
    public void Builds_queues_data_and_maps()
    {
        var b = new ProgramBuilder(Presets.Get("small"));
        b.Queue("mem.w.0").Read(3, StreamRef.East(0)).Repeat(2, 1, 1);
        b.Queue("vxm.1").Nop(4).Vxm(VxmOp.Add, DataType.I8, StreamRef.East(1), StreamRef.East(0), StreamRef.West(0));
        b.Data(5, 10, [1, 2, 3, 4, 5, 6, 7, 8]);
        b.Permute("sxm.e.perm.0", 1, [7, 6, 5, 4, 3, 2, 1, 0]);
        var p = b.Build();
        Assert.Equal(25, p.Queues.Count);
        Assert.Equal(["read 3, e0", "repeat 2, 1, 1"], p.Queue("mem.w.0").Select(i => i.ToString()));
        Assert.Equal("add.i8 e1, e0, w0", p.Queues[19][1].ToString());
        Assert.Single(p.Data);
        Assert.Equal("sxm.e.perm.0", p.Maps[0].QueueName);
    }

    [Fact]
    public void Bad_arguments_name_the_thing()
    {
        var b = new ProgramBuilder(Presets.Get("small"));
        Assert.Contains("unknown queue 'mxm.1.a'", Assert.Throws<ArgumentException>(() => b.Queue("mxm.1.a")).Message);
        Assert.Contains("words [255, 257) out of range [0, 256)", Assert.Throws<ArgumentException>(() => b.Data(0, 255, new byte[16])).Message);
        b.Data(1, 0, new byte[16]);
        Assert.Contains("overlaps earlier data of slice 1", Assert.Throws<ArgumentException>(() => b.Data(1, 1, new byte[8])).Message);
        Assert.Contains("not a bijection", Assert.Throws<ArgumentException>(() => b.Permute("sxm.w.perm.0", 0, [0, 0, 1, 2, 3, 4, 5, 6])).Message);
        Assert.Contains("not a distributor", Assert.Throws<ArgumentException>(() => b.Distribute("sxm.w.perm.0", 0, [0, 1, 2, 3])).Message);
    }

    [Fact]
    public void Build_checked_lists_every_error()
    {
        var b = new ProgramBuilder(Presets.Get("small"));
        b.Queue("vxm.0").Vxm(VxmOp.Add, DataType.I8, StreamRef.East(1), StreamRef.East(0), StreamRef.East(0));
        b.Queue("vxm.1").Vxm(VxmOp.Add, DataType.I8, StreamRef.East(1), StreamRef.East(0), StreamRef.East(0));
        b.Queue("mem.w.0").Read(256, StreamRef.East(0));
        var e = Assert.Throws<ProgramCheckException>(() => b.BuildChecked());
        Assert.Equal(
            "mem.w.0[0] (read 256, e0): address 256 out of range [0, 256)\n" +
            "vxm.1[0] (add.i8 e1, e0, e0): two results due in stream e1 at position 6 in cycle 2 (the other from vxm.0)",
            e.Message);
        Assert.Equal(2, e.Errors.Count);
    }
}
