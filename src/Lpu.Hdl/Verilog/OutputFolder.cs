namespace Lpu.Hdl.Verilog;

/// <summary>
/// Replaces a folder's content all at once: files are written to a fresh sibling folder, which is moved into
/// place only when complete. A failure on the way leaves the previous folder exactly as it was.
/// </summary>
public static class OutputFolder
{
    /// <summary>Makes <paramref name="directory"/> hold exactly <paramref name="files"/>.</summary>
    public static void Replace(string directory, IEnumerable<EmittedFile> files)
    {
        var target = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target) ?? throw new ArgumentException($"'{directory}' has no parent folder", nameof(directory));
        Directory.CreateDirectory(parent);
        var id = Guid.NewGuid().ToString("N");
        var staging = $"{target}.tmp-{id}";
        var old = $"{target}.old-{id}";
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var file in files)
            {
                if (Path.IsPathRooted(file.Name) || file.Name.Split('/', '\\').Contains(".."))
                {
                    throw new ArgumentException($"output file name '{file.Name}' must be relative and stay inside the folder", nameof(files));
                }

                var path = Path.Combine(staging, file.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Text);
            }

            if (Directory.Exists(target))
            {
                Directory.Move(target, old);
            }

            Directory.Move(staging, target);
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            if (Directory.Exists(old) && !Directory.Exists(target))
            {
                Directory.Move(old, target);
            }

            throw;
        }

        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
    }
}
