using Lpu.Architecture.Configuration;
using Lpu.Architecture.Layout;

namespace Lpu.Architecture.Tests;

public class FloorplanTests
{
    [Fact]
    public void Small_queue_names_in_global_order()
    {
        var plan = new Floorplan(Presets.Get("small"));
        string[] expected =
        [
            "mem.w.0", "mem.w.1", "mem.w.2", "mem.w.3", "mem.e.0", "mem.e.1", "mem.e.2", "mem.e.3",
            "sxm.w.shift.0", "sxm.w.perm.0", "sxm.w.dist.0", "sxm.w.rot.0", "sxm.w.trans.0",
            "sxm.e.shift.0", "sxm.e.perm.0", "sxm.e.dist.0", "sxm.e.rot.0", "sxm.e.trans.0",
            "vxm.0", "vxm.1", "vxm.2", "vxm.3", "mxm.0.w", "mxm.0.a", "mxm.0.c",
        ];
        Assert.Equal(expected, plan.Queues.Select(q => q.Name));
        Assert.Equal(Enumerable.Range(0, 25), plan.Queues.Select(q => q.Index));
    }

    [Fact]
    public void Small_positions_follow_the_contract_table()
    {
        // M = 4, P = 13: 0 MXM w, 1 SXM w, 5..2 MEM w 0..3, 6 VXM, 7..10 MEM e 0..3, 11 SXM e, 12 MXM e.
        var plan = new Floorplan(Presets.Get("small"));
        Assert.Equal(5, plan.FindQueue("mem.w.0")!.Position);
        Assert.Equal(2, plan.FindQueue("mem.w.3")!.Position);
        Assert.Equal(6, plan.FindQueue("vxm.2")!.Position);
        Assert.Equal(7, plan.FindQueue("mem.e.0")!.Position);
        Assert.Equal(10, plan.FindQueue("mem.e.3")!.Position);
        Assert.Equal(1, plan.FindQueue("sxm.w.rot.0")!.Position);
        Assert.Equal(11, plan.FindQueue("sxm.e.trans.0")!.Position);
        Assert.Equal(0, plan.FindQueue("mxm.0.a")!.Position);   // one plane: ceil(1/2) = 1 west
        Assert.Equal(6, plan.FindQueue("mem.e.2")!.GlobalSlice);
        Assert.Equal(Hemisphere.East, plan.FindQueue("mem.e.2")!.Hemisphere);
        Assert.Equal(-1, plan.FindQueue("vxm.0")!.GlobalSlice);
        Assert.Null(plan.FindQueue("mxm.1.a"));
    }

    [Fact]
    public void Tsp_planes_split_two_west_two_east()
    {
        var plan = new Floorplan(Presets.Get("tsp"));
        Assert.Equal(144, plan.Queues.Count);
        Assert.Equal(0, plan.FindQueue("mxm.1.c")!.Position);
        Assert.Equal(92, plan.FindQueue("mxm.2.w")!.Position);
        Assert.Equal(Hemisphere.East, plan.FindQueue("mxm.3.a")!.Hemisphere);
        Assert.Equal(1, plan.FindQueue("sxm.w.perm.1")!.UnitIndex);
        Assert.Equal(SxmKind.Perm, plan.FindQueue("sxm.e.perm.1")!.Sxm);
        Assert.Equal(46, plan.VxmPosition);
    }
}
