using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Lpu.Testing;

/// <summary>
/// Snapshot assertions: compares text with <c>NAME.verified.EXT</c> next to the calling test file. On a
/// mismatch it writes <c>NAME.received.EXT</c> beside it and fails with a line diff. With
/// <c>LPU_ACCEPT_SNAPSHOTS=1</c> the received text becomes the verified file instead. Verified files are
/// reviewed like code.
/// </summary>
public static class Snapshot
{
    /// <summary>Asserts that <paramref name="actual"/> equals the verified snapshot <paramref name="name"/>.</summary>
    public static void Match(string actual, string name, string extension = "v", [CallerFilePath] string testFile = "")
    {
        var folder = Path.GetDirectoryName(RepoPaths.OfSource(testFile))!;
        var verified = Path.Combine(folder, $"{name}.verified.{extension}");
        var received = Path.Combine(folder, $"{name}.received.{extension}");
        var expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (Environment.GetEnvironmentVariable("LPU_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        var message = expected is null
            ? $"no verified snapshot {Path.GetFileName(verified)}; review {Path.GetFileName(received)} and rename it (or run with LPU_ACCEPT_SNAPSHOTS=1)"
            : $"snapshot {Path.GetFileName(verified)} differs (received text in {Path.GetFileName(received)}; LPU_ACCEPT_SNAPSHOTS=1 accepts it):\n{Diff(expected, actual)}";
        throw new SnapshotMismatchException(message);
    }

    /// <summary>A unified-style line diff: <c>-</c> verified, <c>+</c> received, with two lines of context.</summary>
    public static string Diff(string expected, string actual)
    {
        var model = new InlineDiffBuilder(new Differ()).BuildDiffModel(expected, actual, ignoreWhitespace: false);
        var lines = model.Lines;
        var text = new StringBuilder();
        var lastShown = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var near = false;
            for (var k = Math.Max(0, i - 2); k <= Math.Min(lines.Count - 1, i + 2); k++)
            {
                near |= lines[k].Type != ChangeType.Unchanged;
            }

            if (!near)
            {
                continue;
            }

            if (lastShown >= 0 && i > lastShown + 1)
            {
                text.AppendLine("  ...");
            }

            var mark = lines[i].Type switch
            {
                ChangeType.Deleted => "- ",
                ChangeType.Inserted => "+ ",
                _ => "  ",
            };
            text.Append(mark).AppendLine(lines[i].Text);
            lastShown = i;
        }

        return text.ToString();
    }
}
