using Lpu.Architecture.Configuration;

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

        Assert.Contains("provisional", Presets.Description("ice40"));
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
    public void Unknown_preset_lists_the_names()
    {
        var e = Assert.Throws<ArgumentException>(() => Presets.Get("huge"));
        Assert.Contains("tsp, small, medium, ice40", e.Message);
    }
}
