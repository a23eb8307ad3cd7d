using System.Numerics;
using Lpu.Model.Numerics;

namespace Lpu.Model.Tests.Numerics;

public class SecdedCodeTests
{
    // An independent encoder straight from the §5 text: build the codeword bit by bit.
    private static (bool[] Codeword, bool Parity) ReferenceCodeword(byte[] data, int r)
    {
        var n = data.Length * 8;
        var codeword = new bool[n + r + 1]; // index = position, 0 unused
        var position = 1;
        for (var j = 0; j < n; j++)
        {
            while ((position & (position - 1)) == 0)
                position++;
            codeword[position++] = (data[j / 8] >> (j % 8) & 1) == 1;
        }

        for (var i = 0; i < r; i++)
        {
            var bit = false;
            for (var p = 1; p <= n + r; p++)
            {
                if ((p & (p - 1)) != 0 && (p >> i & 1) == 1)
                    bit ^= codeword[p];
            }

            codeword[1 << i] = bit;
        }

        var parity = false;
        for (var p = 1; p <= n + r; p++)
            parity ^= codeword[p];
        return (codeword, parity);
    }

    private static ushort ReferenceCheck(byte[] data, int r)
    {
        var (codeword, parity) = ReferenceCodeword(data, r);
        var check = 0;
        for (var i = 0; i < r; i++)
        {
            if (codeword[1 << i])
                check |= 1 << i;
        }

        return (ushort)(check | (parity ? 1 << r : 0));
    }

    [Theory]
    [InlineData(4, 6)]
    [InlineData(16, 8)]
    [InlineData(1, 4)]
    [InlineData(8, 7)]
    public void Hamming_bit_count_is_the_smallest_r_with_room(int lanes, int r)
    {
        var code = new SecdedCode(lanes);
        Assert.Equal(r, code.HammingBits);
        Assert.Equal(r + 1, code.CheckBits);
    }

    [Fact]
    public void Hand_computed_check_fields_for_L4()
    {
        var code = new SecdedCode(4);
        // data bit 0 sits at position 3 = 0b11: Hamming bits 0 and 1; parity of {d0, h0, h1} = 1.
        Assert.Equal(0b100_0011, code.Encode(new byte[] { 0x01, 0, 0, 0 }));
        // data bit 1 sits at position 5 = 0b101.
        Assert.Equal(0b100_0101, code.Encode(new byte[] { 0x02, 0, 0, 0 }));
        // both: positions 3 ^ 5 = 6; two data ones + two Hamming ones: parity 0.
        Assert.Equal(0b000_0110, code.Encode(new byte[] { 0x03, 0, 0, 0 }));
        Assert.Equal(0, code.Encode(new byte[4]));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    public void Encode_matches_the_bitwise_definition(int lanes)
    {
        var code = new SecdedCode(lanes);
        var random = new Random(lanes);
        for (var trial = 0; trial < 500; trial++)
        {
            var data = new byte[lanes];
            random.NextBytes(data);
            Assert.Equal(ReferenceCheck(data, code.HammingBits), code.Encode(data));
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    public void Every_single_bit_flip_is_corrected(int lanes)
    {
        var code = new SecdedCode(lanes);
        var random = new Random(100 + lanes);
        var data = new byte[lanes];
        random.NextBytes(data);
        var check = code.Encode(data);
        var total = 8 * lanes + code.CheckBits;
        for (var bit = 0; bit < total; bit++)
        {
            var (word, field) = Flip(data, check, bit);
            Assert.Equal(EccStatus.Corrected, code.Decode(word, field));
            Assert.Equal(data, word);
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    public void Every_double_bit_flip_is_detected_and_data_passed_as_read(int lanes)
    {
        var code = new SecdedCode(lanes);
        var random = new Random(200 + lanes);
        var data = new byte[lanes];
        random.NextBytes(data);
        var check = code.Encode(data);
        var total = 8 * lanes + code.CheckBits;
        var pairs = 0;
        for (var first = 0; first < total; first++)
        {
            for (var second = first + 1; second < total; second++)
            {
                var (word, field) = Flip(data, check, first);
                (word, field) = Flip(word, field, second);
                var asRead = (byte[])word.Clone();
                Assert.Equal(EccStatus.Uncorrectable, code.Decode(word, field));
                Assert.Equal(asRead, word);
                pairs++;
            }
        }

        Assert.Equal(total * (total - 1) / 2, pairs);
    }

    [Fact]
    public void Clean_words_decode_ok()
    {
        var code = new SecdedCode(16);
        var data = Enumerable.Range(0, 16).Select(i => (byte)(i * 37)).ToArray();
        var word = (byte[])data.Clone();
        Assert.Equal(EccStatus.Ok, code.Decode(word, code.Encode(data)));
        Assert.Equal(data, word);
    }

    [Fact]
    public void A_syndrome_beyond_the_codeword_is_uncorrectable()
    {
        // L = 4: positions 1..38; a syndrome of 63 with wrong parity names no position.
        var code = new SecdedCode(4);
        var data = new byte[4];
        var check = code.Encode(data);
        var bad = (ushort)(check ^ 0b111_1111); // all six Hamming bits and the parity bit
        Assert.Equal(6, BitOperations.PopCount((uint)(bad ^ check) & 63));
        Assert.Equal(EccStatus.Uncorrectable, code.Decode(data, bad));
    }

    private static (byte[] Word, ushort Check) Flip(byte[] data, ushort check, int bit)
    {
        var word = (byte[])data.Clone();
        if (bit < 8 * data.Length)
            word[bit / 8] ^= (byte)(1 << (bit % 8));
        else
            check ^= (ushort)(1 << (bit - 8 * data.Length));
        return (word, check);
    }
}
