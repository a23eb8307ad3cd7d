using System.Text;
using Lpu.Hdl.Checks;
using Lpu.Hdl.Ir;
using Lpu.Hdl.Templates;

namespace Lpu.Hdl.Verilog;

/// <summary>
/// Emits a module hierarchy as synthesizable Verilog-2005: one file per module named after it, plus a
/// filelist. Elaboration runs first and any error stops emission. Modules with the same requested name and
/// identical text are emitted once; different modules that ask for the same name get <c>_1</c>, <c>_2</c>...
/// File headers come from <c>sim/templates/verilog-header.v.hbs</c>; module bodies are written by code.
/// Output depends only on the design and the options: two runs give byte-identical files.
/// </summary>
public static class VerilogEmitter
{
    /// <summary>Checks and emits the hierarchy under <paramref name="top"/>.</summary>
    public static EmittedDesign Emit(Module top, EmitOptions options)
    {
        var design = Elaborator.Elaborate(top);
        var emitted = new Dictionary<Module, (string Name, NameTable Names)>(ReferenceEqualityComparer.Instance);
        var byText = new Dictionary<(string Requested, string Body), string>();
        var moduleNames = new NameTable();
        var files = new List<EmittedFile>();
        foreach (var module in design.Modules)
        {
            var writer = new ModuleWriter(module, m => emitted[m]);
            var body = writer.WriteBody();
            if (!byText.TryGetValue((module.Name, body), out var name))
            {
                name = moduleNames.Unique(module.Name);
                byText.Add((module.Name, body), name);
                files.Add(new EmittedFile(name + ".v", FileText(name, body, options)));
            }

            emitted[module] = (name, writer.Names);
        }

        var topName = emitted[top].Name;
        var list = TemplateLibrary.Render("filelist.f.hbs", new
        {
            top = topName,
            generator = options.Generator,
            version = options.GeneratorVersion,
            configHash = options.ConfigurationHash,
            files = files.Select(f => f.Name).ToArray(),
        });
        return new EmittedDesign(topName, files, new EmittedFile(topName + ".f", list));
    }

    private static string FileText(string name, string body, EmitOptions options)
    {
        var text = new StringBuilder();
        text.Append(TemplateLibrary.Render("verilog-header.v.hbs", new
        {
            file = name + ".v",
            generator = options.Generator,
            version = options.GeneratorVersion,
            configHash = options.ConfigurationHash,
        }));
        text.AppendLine();
        text.AppendLine("`default_nettype none");
        text.AppendLine();
        text.Append("module ").Append(name).Append(body);
        text.AppendLine();
        text.AppendLine("`default_nettype wire");
        return text.ToString();
    }
}
