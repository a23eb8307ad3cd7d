namespace Lpu.Hdl.Ir;

/// <summary>How a clock domain's reset acts on its registers.</summary>
public enum ResetStyle
{
    /// <summary>No reset: registers start undefined.</summary>
    None,

    /// <summary><c>always @(posedge clk or negedge rst_n) if (!rst_n)</c>.</summary>
    AsyncActiveLow,

    /// <summary><c>always @(posedge clk or posedge rst) if (rst)</c>.</summary>
    AsyncActiveHigh,

    /// <summary><c>always @(posedge clk) if (!rst_n)</c>.</summary>
    SyncActiveLow,

    /// <summary><c>always @(posedge clk) if (rst)</c>.</summary>
    SyncActiveHigh,
}
