using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;

namespace Lpu.Cosim.Lockstep;

/// <summary>
/// A lower bound of a program's done cycle D = last issue + SL + dmax + 1 (architecture.md §4), from
/// its queues alone in one pass: each queue is walked as if every <c>sync</c> were released at once
/// (it resumes 2 cycles after a notify at or after the cycle it is reached, so never earlier). Every
/// issue then lands no later than where it really will, so the last one bounds the real last issue
/// from below. Lets the RTL thread run ahead of the model without ever passing the end.
/// </summary>
internal static class DoneBound
{
    /// <summary>D is at least this (0 when nothing is known, e.g. an empty program).</summary>
    public static long AtLeast(LpuProgram program)
    {
        long lastIssue = -1;
        foreach (var queue in program.Queues)
            lastIssue = Math.Max(lastIssue, LastIssueAtLeast(queue));
        return lastIssue < 0 ? 0 : lastIssue + program.Config.Superlanes + InstructionSet.MaxLatency(program.Config) + 1;
    }

    private static long LastIssueAtLeast(IReadOnlyList<Instruction> queue)
    {
        long next = 0, last = -1;
        foreach (var instruction in queue)
        {
            switch (instruction.Spec.Mnemonic)
            {
                case "nop":
                    next += instruction["n"];
                    break;
                case "sync":
                    next += 2;
                    break;
                case "repeat":
                    {
                        // Copies at last + d, last + 2d, ..., last + nd. Anything odd is an error the
                        // model reports; the issues walked so far still bound the real ones.
                        var (n, d) = (instruction["n"], instruction["d"]);
                        if (last < 0 || n < 1 || d < 1)
                            return last;
                        last += n * d;
                        next = last + 1;
                        break;
                    }

                default:
                    last = next++;
                    break;
            }
        }

        return last;
    }
}
