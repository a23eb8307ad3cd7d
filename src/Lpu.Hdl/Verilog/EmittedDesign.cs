namespace Lpu.Hdl.Verilog;

/// <summary>The Verilog of a design: one file per distinct module (children first, top last) and a
/// filelist. Byte-identical for the same design and options.</summary>
public sealed class EmittedDesign
{
    internal EmittedDesign(string top, IReadOnlyList<EmittedFile> modules, EmittedFile fileList)
    {
        Top = top;
        Modules = modules;
        FileList = fileList;
    }

    /// <summary>The top module's emitted name.</summary>
    public string Top { get; }

    /// <summary><c>NAME.v</c> per module, children before parents.</summary>
    public IReadOnlyList<EmittedFile> Modules { get; }

    /// <summary><c>TOP.f</c>: the module files, one per line, relative to the output folder.</summary>
    public EmittedFile FileList { get; }

    /// <summary>Every file: the modules, then the filelist.</summary>
    public IEnumerable<EmittedFile> Files => Modules.Append(FileList);

    /// <summary>The text of module file <paramref name="moduleName"/>.</summary>
    public string this[string moduleName] => Modules.First(f => f.Name == moduleName + ".v").Text;

    /// <summary>Writes every file into <paramref name="directory"/> atomically (see <see cref="OutputFolder"/>).</summary>
    public void WriteTo(string directory) => OutputFolder.Replace(directory, Files);
}
