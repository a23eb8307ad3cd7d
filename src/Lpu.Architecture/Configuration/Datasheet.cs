using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Lpu.Architecture.Configuration;

/// <summary>
/// The headline figures of a configuration: SRAM = 2 x M x W x VL bytes; MACs per cycle =
/// planes x VL x VL; peak int8 ops = 2 x MACs x clock; fp16 = a quarter of that (the design rate);
/// vector ALUs = VL x ALUs per lane; SRAM bytes per cycle = 2M slices x banks x VL; stream bytes
/// per cycle = 2 directions x S x VL; instruction queues.
/// </summary>
public sealed record Datasheet(
    long SramBytes,
    long MacsPerCycle,
    double PeakInt8Tops,
    double PeakFp16Tflops,
    long VectorAlus,
    long SramBytesPerCycle,
    long StreamBytesPerCycle,
    int InstructionQueues,
    int ClockMhz)
{
    /// <summary>Computes the figures of <paramref name="c"/>.</summary>
    public static Datasheet Of(LpuConfig c)
    {
        long vl = c.VectorLength;
        var macs = c.Mxm.Planes * vl * vl;
        var tops = macs * 2.0 * c.ClockMhz / 1e6;
        return new Datasheet(
            c.SramBytes,
            macs,
            tops,
            tops / 4,
            vl * c.Vxm.AlusPerLane,
            (long)c.SliceCount * c.Mem.Banks * vl,
            2L * c.StreamsPerDirection * vl,
            c.QueueCount,
            c.ClockMhz);
    }

    /// <summary>One JSON object with the keys sramBytes, macsPerCycle, peakInt8Tops, peakFp16Tflops, vectorAlus, sramBytesPerCycle, streamBytesPerCycle, instructionQueues, clockMhz.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteNumber("sramBytes", SramBytes);
            w.WriteNumber("macsPerCycle", MacsPerCycle);
            w.WriteNumber("peakInt8Tops", PeakInt8Tops);
            w.WriteNumber("peakFp16Tflops", PeakFp16Tflops);
            w.WriteNumber("vectorAlus", VectorAlus);
            w.WriteNumber("sramBytesPerCycle", SramBytesPerCycle);
            w.WriteNumber("streamBytesPerCycle", StreamBytesPerCycle);
            w.WriteNumber("instructionQueues", InstructionQueues);
            w.WriteNumber("clockMhz", ClockMhz);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A plain-text table, with the note that the marketed 80 TB/s does not follow.</summary>
    public string ToText()
    {
        var ghz = ClockMhz / 1000.0;
        var sramTbs = SramBytesPerCycle * ghz / 1000;
        var streamTbs = StreamBytesPerCycle * ghz / 1000;
        var sb = new StringBuilder();
        void Row(string name, string value) => sb.Append(CultureInfo.InvariantCulture, $"{name,-22}{value}\n");
        Row("SRAM", $"{SramBytes:N0} B ({SramBytes / 1048576.0:0.##} MiB)");
        Row("MACs per cycle", $"{MacsPerCycle:N0} (int8)");
        Row("Peak int8", $"{Scaled(PeakInt8Tops, "OPS")} at {ClockMhz} MHz");
        Row("Peak fp16", $"{Scaled(PeakFp16Tflops, "FLOPS")} (design rate: a quarter of the int8 MACs)");
        Row("Vector ALUs", $"{VectorAlus:N0}");
        Row("SRAM bandwidth", $"{SramBytesPerCycle:N0} B/cycle ({Scaled(sramTbs, "B/s")})");
        Row("Stream bandwidth", $"{StreamBytesPerCycle:N0} B/cycle ({Scaled(streamTbs, "B/s")})");
        Row("Instruction queues", $"{InstructionQueues}");
        Row("Clock", $"{ClockMhz} MHz");
        if (IsPublishedTsp)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"\nNote: the marketed \"80 TB/s\" on-chip bandwidth does not follow from these formulas: SRAM {sramTbs:0.##} TB/s plus streams {streamTbs:0.##} TB/s is {sramTbs + streamTbs:0.##} TB/s.\n");
        }

        return sb.ToString();
    }

    /// <summary>True when the figures are the published TSP's, the chip Groq's marketing figures are about.</summary>
    private bool IsPublishedTsp => MacsPerCycle == 409_600 && SramBytesPerCycle == 56_320 && StreamBytesPerCycle == 20_480;

    /// <summary><paramref name="tera"/> (in units of 10^12) with the prefix that keeps it readable: T, G or M.</summary>
    private static string Scaled(double tera, string unit) => tera switch
    {
        >= 1 or 0 => string.Create(CultureInfo.InvariantCulture, $"{tera:0.##} T{unit}"),
        >= 0.001 => string.Create(CultureInfo.InvariantCulture, $"{tera * 1e3:0.##} G{unit}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{tera * 1e6:0.##} M{unit}"),
    };
}
