namespace Lpu.Hdl.Verilog;

/// <summary>One output file: a relative file name and its full text (LF line endings).</summary>
public sealed record EmittedFile(string Name, string Text);
