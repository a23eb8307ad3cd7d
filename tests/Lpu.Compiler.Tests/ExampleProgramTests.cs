using Lpu.Architecture.Assembly;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Programs;
using Lpu.Model;
using Lpu.Tensors;
using Lpu.Testing;

namespace Lpu.Compiler.Tests;

/// <summary>
/// The example programs in sim/programs, assembled and run on the golden model; every output is
/// compared with the reference tensor math (or, for data movement, with an index formula written
/// here). Inputs come from the program's own .data blocks, not from the model.
/// </summary>
public class ExampleProgramTests
{
    private static readonly LpuConfig Small = Presets.Get("small");
    private const int VL = 8;

    private static (LpuProgram Program, LpuSimulator Model) Run(string name)
    {
        var path = RepoPaths.Of($"sim/programs/{name}");
        var program = Assembler.Assemble(File.ReadAllText(path), Small, name);
        Assert.Empty(ProgramChecker.Check(program));
        var model = new LpuSimulator(Small);
        model.Load(program);
        model.Run();
        return (program, model);
    }

    private static byte[] Input(LpuProgram program, int slice, int word)
    {
        var block = program.Data.Single(d => d.Slice == slice && d.Address <= word && word < d.Address + d.WordCount(VL));
        return block.Bytes.AsSpan((word - block.Address) * VL, VL).ToArray();
    }

    private static byte[] Output(LpuSimulator model, int slice, int word)
    {
        var bytes = new byte[VL];
        model.ReadSram(slice, word, bytes);
        return bytes;
    }

    private static sbyte[] Signed(byte[] bytes) => [.. bytes.Select(b => (sbyte)b)];

    [Fact]
    public void Vector_add_multiply_and_relu()
    {
        var (program, model) = Run("vector_ops.s");
        for (var w = 0; w < 8; w++)
        {
            var a = Signed(Input(program, 0, w));
            var b = Signed(Input(program, 1, w));
            var sum = new sbyte[VL];
            var product = new sbyte[VL];
            var relu = new sbyte[VL];
            Elementwise.Add<sbyte>(a, b, sum);
            Elementwise.Multiply<sbyte>(a, b, product);
            Elementwise.Relu<sbyte>(a, relu);
            Assert.Equal(sum, Signed(Output(model, 4, w)));
            Assert.Equal(product, Signed(Output(model, 5, w)));
            Assert.Equal(relu, Signed(Output(model, 6, w)));
        }

        // The saturation cases planted in word 0: 127 + 1, -128 + -1, 100 x 100, -100 x -100.
        Assert.Equal([127, -128, 127, -128], Signed(Output(model, 4, 0))[..4]);
        Assert.Equal([127, 127, 127, 127], Signed(Output(model, 5, 0))[..4]);
    }

    [Fact]
    public void Requantization_of_int32_vectors()
    {
        var (program, model) = Run("requant.s");
        for (var v = 0; v < 4; v++)
        {
            var x = new int[VL];
            for (var b = 0; b < 4; b++)
            {
                var plane = Input(program, b, v);
                for (var lane = 0; lane < VL; lane++)
                    x[lane] |= plane[lane] << (8 * b);
            }

            var expected = new sbyte[VL];
            Requantization.Requantize(x, expected, 77, 10);
            Assert.Equal(expected, Signed(Output(model, 4, v)));
        }

        // Word 1 was planted: (1000 x 77 + 512) >> 10 = 75; -1000 -> -75; 13300 and -13300 saturate.
        Assert.Equal([75, -75, 127, -128], Signed(Output(model, 4, 1))[..4]);
    }

    [Fact]
    public void Transpose_of_4x4_blocks_in_each_superlane()
    {
        var (program, model) = Run("transpose.s");
        const int L = 4;
        for (var block = 0; block < 4; block++)
        {
            var inputs = Enumerable.Range(0, L).Select(i => Input(program, i, block)).ToArray();
            for (var j = 0; j < L; j++)
            {
                var output = Output(model, 3 - j, 8 + block);   // out stream e(4+j) lands in slice 3-j
                for (var k = 0; k < VL / L; k++)
                {
                    for (var i = 0; i < L; i++)
                        Assert.Equal(inputs[i][(k * L) + j], output[(k * L) + i]);
                }
            }
        }
    }

    [Fact]
    public void Permute_by_a_lane_map()
    {
        var (program, model) = Run("permute.s");
        int[] map = [7, 2, 5, 0, 3, 6, 1, 4];
        for (var v = 0; v < 4; v++)
        {
            var input = Input(program, 0, v);
            Assert.Equal(map.Select(i => input[i]), Output(model, 0, 16 + v));
        }
    }
}

/// <summary>The compiled GEMM example: stays what the compiler makes, and computes A x B on the model.</summary>
public class GemmExampleTests
{
    [Fact]
    public void Gemm_larger_than_one_tile_matches_a_plain_loop_and_the_compiler()
    {
        var config = Presets.Get("small");
        var a = Lpu.Tensors.Npy.NpyFile.ReadMatrix<sbyte>(RepoPaths.Of("sim/programs/gemm_a.npy"));
        var b = Lpu.Tensors.Npy.NpyFile.ReadMatrix<sbyte>(RepoPaths.Of("sim/programs/gemm_b.npy"));
        var shape = new Gemm.GemmShape(a.Rows, a.Cols, b.Cols);
        Assert.True(shape.K > VectorLength(config) && shape.N > VectorLength(config), "the example must span several tiles");

        var compiled = Gemm.GemmCompiler.Compile(config, shape, a.Data, b.Data);
        var file = File.ReadAllText(RepoPaths.Of("sim/programs/gemm_24x40x20.s"));
        Assert.True(Disassembler.ToText(compiled.Program) == file,
            "sim/programs/gemm_24x40x20.s is not what the compiler makes now: regenerate it with " +
            "hdl-gen gemm --preset small --a sim/programs/gemm_a.npy --b sim/programs/gemm_b.npy --asm sim/programs/gemm_24x40x20.s");

        var model = new LpuSimulator(config);
        model.Load(Assembler.Assemble(file, config, "gemm_24x40x20.s"));
        model.Run();
        var c = Gemm.GemmCompiler.Plan(config, shape).ReadResult((slice, address) =>
        {
            var word = new byte[config.VectorLength];
            model.ReadSram(slice, address, word);
            return word;
        });
        for (var m = 0; m < shape.M; m++)
        {
            for (var n = 0; n < shape.N; n++)
            {
                var sum = 0;
                for (var k = 0; k < shape.K; k++)
                    sum += a[m, k] * b[k, n];
                Assert.Equal(sum, c[(m * shape.N) + n]);
            }
        }
    }

    private static int VectorLength(LpuConfig config) => config.VectorLength;
}
