namespace Lpu.Architecture.Isa;

/// <summary>Stream direction; the value is the direction bit of a stream operand.</summary>
public enum Direction
{
    /// <summary>Flows towards higher positions (<c>e&lt;s&gt;</c>).</summary>
    East = 0,

    /// <summary>Flows towards lower positions (<c>w&lt;s&gt;</c>).</summary>
    West = 1,
}
