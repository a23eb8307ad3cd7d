using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;

namespace Lpu.Architecture.Tests;

public class PresetTests
{
    [Fact]
    public void Tsp_derived_figures_match_the_design_brief()
    {
        var c = Presets.Get("tsp");
        Assert.Equal(320, c.VectorLength);
        Assert.Equal(93, c.PositionCount);            // 2 x 44 + 5
        Assert.Equal(144, c.QueueCount);              // 2 x (44 + 14) + 12 + 16
        Assert.Equal(230_686_720L, c.SramBytes);      // 88 x 20 x 8192 x 16
        Assert.Equal(13, c.AddressBits);
    }

    [Fact]
    public void Small_derived_figures()
    {
        var c = Presets.Get("small");
        Assert.Equal(8, c.VectorLength);
        Assert.Equal(13, c.PositionCount);
        Assert.Equal(25, c.QueueCount);               // 2 x (4 + 5) + 3 + 4
        Assert.Equal(2L * 4 * 256 * 8, c.SramBytes);
    }

    [Fact]
    public void Every_preset_is_valid_and_described()
    {
        foreach (var name in Presets.Names)
        {
            Presets.Get(name).Validate();
            Assert.False(string.IsNullOrWhiteSpace(Presets.Description(name)));
        }

        Assert.DoesNotContain("provisional", Presets.Description("ice40"));   // measured by Ice40FitTests
    }

    [Fact]
    public void Ice40_has_no_mxm_and_no_sxm()
    {
        var c = Presets.Get("ice40");
        Assert.Equal(0, c.Mxm.Planes);
        Assert.Equal(0, c.Sxm.UnitsPerHemisphere);
        Assert.Equal(3, c.QueueCount);                // 2 MEM slices + 1 ALU
    }

    [Fact]
    public void Ice40_is_what_fits_the_hx8k_with_the_host_link()
    {
        // Measured with synth_ice40 + nextpnr-ice40 (docs/rtl.md "FPGA wrapper"): 1024 words x 39 bits per
        // tile and 256-entry queues fill the 32 block RAMs; mul (a wide multiplier per lane) does not fit.
        var c = Presets.Get("ice40");
        Assert.Equal((1, 4, 4), (c.Superlanes, c.LanesPerSuperlane, c.StreamsPerDirection));
        Assert.Equal(new MemConfig(1, 1024, 2, true), c.Mem);
        Assert.Equal(256, c.Icu.QueueDepth);
        Assert.Equal(12, c.ClockMhz);                 // the breakout board's oscillator, no PLL
        Assert.Equal([DataType.I8], c.Vxm.DataTypes);
        Assert.False(c.Vxm.Supports(VxmOp.Mul));
        Assert.True(c.Vxm.Supports(VxmOp.Add) && c.Vxm.Supports(VxmOp.Relu) && c.Vxm.Supports(VxmOp.Max));
    }

    [Fact]
    public void Unknown_preset_lists_the_names()
    {
        var e = Assert.Throws<ArgumentException>(() => Presets.Get("huge"));
        Assert.Contains("tsp, small, medium, ice40", e.Message);
    }
}
