namespace Lpu.Rtl;

/// <summary>A known-wrong RTL variant, a test hook for checkers that must catch a bad RTL.</summary>
public enum PlantedFault
{
    /// <summary>The correct RTL.</summary>
    None,

    /// <summary>ALU 0's <c>add</c> result on lane 0 is one too large.</summary>
    VxmAddLane0PlusOne,
}
