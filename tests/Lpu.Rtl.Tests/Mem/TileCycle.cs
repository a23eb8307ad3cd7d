using System.Numerics;

namespace Lpu.Rtl.Tests.Mem;

/// <summary>What tile k's outputs showed in one cycle.</summary>
public sealed record TileCycle(
    bool OutValid, int OutCode, BigInteger OutData,
    bool SramWe, int SramAddr, BigInteger SramWdata,
    bool EccCorrected, bool EccUncorrectable, int EccAddr,
    bool SramRead);
