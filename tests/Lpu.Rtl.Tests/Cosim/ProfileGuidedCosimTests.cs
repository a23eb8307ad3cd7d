using Lpu.Architecture.Assembly;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Cosim.Lockstep;
using Lpu.Cosim.Verilator;
using Lpu.Model;
using Lpu.Testing;

namespace Lpu.Rtl.Tests.Cosim;

/// <summary>The profile-guided build of <c>lpu_top</c> and the workload it is trained on.</summary>
public class ProfileGuidedCosimTests
{
    [Theory]
    [InlineData("small")]
    [InlineData("medium")]
    public void Training_workload_is_a_valid_program_that_writes_what_its_last_op_computes(string preset)
    {
        var config = Presets.Get(preset);
        var program = ProfileWorkload.StreamingProgram(config, 512, [VxmOp.Add, VxmOp.Sub, VxmOp.Max]);
        var model = new LpuSimulator(config);
        model.Load(program);

        var cycles = model.Run();

        Assert.InRange(cycles, 512, 512 + 32);   // the pipeline drains in a few dozen cycles
        // Both operands are the same vector (i * 37 mod 256), so the last op, max, writes it back unchanged.
        var written = new byte[config.VectorLength];
        model.ReadSram(config.Mem.SlicesPerHemisphere, 0, written);
        Assert.Equal(Enumerable.Range(0, config.VectorLength).Select(i => (byte)(i * 37)), written);
    }

    [Fact]
    public void Profile_guided_rtl_agrees_with_the_model()
    {
        var small = Presets.Get("small");
        var program = Assembler.Assemble(File.ReadAllText(RepoPaths.Of("sim/programs/vector_ops.s")), small, "vector_ops.s");
        var options = new CosimOptions { Verilator = VerilatorOptions.Default with { ProfileGuided = true } };

        using var session = new CosimSession(program, options);
        var result = session.Run();

        Assert.True(result.Matches, result.Divergence?.ToString());
        Assert.Equal(session.Model.DoneCycle, result.Cycles);
    }
}
