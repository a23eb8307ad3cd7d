using System.Buffers.Binary;
using System.Text;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;
using Lpu.Architecture.Programs;

namespace Lpu.Architecture.Assembly;

/// <summary>
/// The binary program image (docs/isa.md, "Program image"), all integers little endian:
/// magic <c>LPUPROG1</c>; the 32-byte configuration hash; u32 queue count, then per queue u32 n
/// and n u64 instruction words; u32 block count, then per block u32 slice, u32 address, u32 words
/// and words x VL bytes; u32 map count, then per map u8 kind (0 permute, 1 distribute), u8 side
/// (0 west, 1 east), u8 unit, u8 slot, u16 n and n u16 entries.
/// </summary>
public static class ProgramImage
{
    /// <summary>The 8 magic bytes.</summary>
    public static ReadOnlySpan<byte> Magic => "LPUPROG1"u8;

    /// <summary>Serializes <paramref name="program"/>.</summary>
    public static byte[] Write(LpuProgram program)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Convert.FromHexString(ConfigJson.Hash(program.Config)));
            w.Write((uint)program.Queues.Count);
            foreach (var q in program.Queues)
            {
                w.Write((uint)q.Count);
                foreach (var ins in q)
                    w.Write(ins.Encode());
            }

            var vl = program.Config.VectorLength;
            w.Write((uint)program.Data.Count);
            foreach (var b in program.Data)
            {
                w.Write((uint)b.Slice);
                w.Write((uint)b.Address);
                w.Write((uint)b.WordCount(vl));
                w.Write(b.Bytes);
            }

            w.Write((uint)program.Maps.Count);
            foreach (var m in program.Maps)
            {
                w.Write((byte)m.Kind);
                w.Write((byte)(m.Side == Hemisphere.West ? 0 : 1));
                w.Write((byte)m.Unit);
                w.Write((byte)m.Slot);
                w.Write((ushort)m.Entries.Length);
                foreach (var e in m.Entries)
                    w.Write((ushort)e);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Writes the image to <paramref name="path"/> through a temporary file, so an error leaves nothing half-written.</summary>
    public static void WriteFile(LpuProgram program, string path)
    {
        var bytes = Write(program);
        var temp = path + ".tmp";
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    /// <summary>
    /// Reads an image made for <paramref name="config"/>; an <see cref="InvalidDataException"/>
    /// names <paramref name="source"/>, the byte offset and what is wrong.
    /// </summary>
    public static LpuProgram Read(byte[] image, LpuConfig config, string source = "<image>")
    {
        var r = new Reader(image, source);
        if (!r.Bytes(8).SequenceEqual(Magic.ToArray()))
            throw r.Fail(0, "not an LPU program image (bad magic)");
        var hash = Convert.ToHexStringLower(r.Bytes(32));
        if (hash != ConfigJson.Hash(config))
            throw r.Fail(8, $"made for configuration {hash}, not this one ({ConfigJson.Hash(config)})");
        var plan = new Floorplan(config);
        var queueCount = r.U32();
        if (queueCount != plan.Queues.Count)
            throw r.Fail(40, $"has {queueCount} queues, the configuration {plan.Queues.Count}");
        var queues = new List<IReadOnlyList<Instruction>>();
        for (var q = 0; q < queueCount; q++)
        {
            var n = r.Count(8);
            var list = new List<Instruction>();
            for (var i = 0; i < n; i++)
            {
                var at = r.Offset;
                try
                {
                    list.Add(Instruction.Decode(r.U64()));
                }
                catch (FormatException e)
                {
                    throw r.Fail(at, $"queue {plan.Queues[q].Name} instruction {i}: {e.Message}");
                }
            }

            queues.Add(list);
        }

        var vl = config.VectorLength;
        var data = new List<SramBlock>();
        for (var n = r.Count(12); n > 0; n--)
        {
            var at = r.Offset;
            var slice = r.U32();
            var address = r.U32();
            var words = r.Count(vl);
            var error = ProgramRules.CheckData(config, slice, address, words * vl)
                ?? (ProgramRules.Overlap(data, slice, address, words, vl) >= 0 ? "block overlaps an earlier block" : null);
            if (error is not null)
                throw r.Fail(at, error);
            data.Add(new SramBlock(slice, address, r.Bytes(words * vl)));
        }

        var maps = new List<SxmMap>();
        for (var n = r.Count(6); n > 0; n--)
        {
            var at = r.Offset;
            var head = r.Bytes(4);
            var entries = new int[r.Count(2, u16: true)];
            for (var i = 0; i < entries.Length; i++)
                entries[i] = r.U16();
            if (head[0] > 1 || head[1] > 1)
                throw r.Fail(at, "bad map kind or side");
            var map = new SxmMap((SxmMapKind)head[0], head[1] == 0 ? Hemisphere.West : Hemisphere.East, head[2], head[3], entries);
            var q = plan.FindQueue(map.QueueName);
            var error = q is null ? $"no unit {map.QueueName}" : ProgramRules.CheckMap(config, map.Kind, map.Slot, entries);
            if (error is not null)
                throw r.Fail(at, error);
            maps.Add(map);
        }

        if (r.Offset != image.Length)
            throw r.Fail(r.Offset, "trailing bytes");
        return new LpuProgram(config, queues, data, maps);
    }

    private sealed class Reader(byte[] image, string source)
    {
        public int Offset { get; private set; }

        public InvalidDataException Fail(int at, string message) => new($"{source}: byte {at}: {message}");

        public byte[] Bytes(int n)
        {
            if (n < 0 || image.Length - Offset < n)
                throw Fail(Offset, "image truncated");
            var bytes = image.AsSpan(Offset, n).ToArray();
            Offset += n;
            return bytes;
        }

        public int U16() => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(2));

        public int U32()
        {
            var at = Offset;
            var v = BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4));
            return v <= int.MaxValue ? (int)v : throw Fail(at, $"value {v} too large");
        }

        public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Bytes(8));

        /// <summary>A count whose items take at least <paramref name="itemBytes"/> each: rejects counts the rest of the image cannot hold.</summary>
        public int Count(int itemBytes, bool u16 = false)
        {
            var at = Offset;
            var n = u16 ? U16() : U32();
            if ((long)n * itemBytes > image.Length - Offset)
                throw Fail(at, $"count {n} exceeds the image");
            return n;
        }
    }
}
