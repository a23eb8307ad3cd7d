namespace Lpu.Architecture.Layout;

/// <summary>Side of the chip relative to the VXM; the VXM itself is <see cref="None"/>.</summary>
public enum Hemisphere
{
    /// <summary>West of the VXM (lower positions).</summary>
    West,

    /// <summary>East of the VXM (higher positions).</summary>
    East,

    /// <summary>The VXM, in the middle.</summary>
    None,
}
