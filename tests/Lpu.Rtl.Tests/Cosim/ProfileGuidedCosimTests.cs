using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Cosim.Lockstep;
using Lpu.Model;

namespace Lpu.Rtl.Tests.Cosim;

/// <summary>
/// The workload a profile-guided <c>lpu_top</c> build is trained on (the build itself is tested end
/// to end by the CLI's <c>cosim --pgo</c> test, and on a small design in ProfileGuidedBuildTests).
/// </summary>
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
}
