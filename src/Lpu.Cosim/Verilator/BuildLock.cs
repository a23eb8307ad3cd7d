namespace Lpu.Cosim.Verilator;

/// <summary>
/// One cache entry's build lock, across processes and threads: an exclusive advisory lock
/// (.NET's <see cref="FileShare.None"/>, an <c>flock</c> on Unix) on <c>.locks/NAME</c> under the
/// cache root. Test processes running side by side, or two co-simulations started together, then
/// build a design once: the second waits and loads the first's library. The kernel drops the lock
/// when its holder exits, so a crashed builder never blocks the next one.
/// </summary>
internal sealed class BuildLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    // What a held lock raises: flock's EWOULDBLOCK as the HResult on Linux (11) and macOS (35), a
    // sharing violation on Windows. Any other failure (a read-only cache, say) is thrown, not waited on.
    private const int LinuxWouldBlock = 11;
    private const int MacWouldBlock = 35;
    private const int WindowsSharingViolation = unchecked((int)0x80070020);

    private readonly FileStream file;

    private BuildLock(FileStream file) => this.file = file;

    /// <summary>Waits until no other holder builds <paramref name="name"/> under <paramref name="root"/>, then holds it.</summary>
    public static BuildLock Take(string root, string name)
    {
        var directory = Path.Combine(root, ".locks");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        while (true)
        {
            try
            {
                return new BuildLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException e) when (HeldElsewhere(e))
            {
                // Another builder has it (a build takes seconds to minutes): look again shortly.
                Thread.Sleep(Poll);
            }
        }
    }

    private static bool HeldElsewhere(IOException e) =>
        e.HResult == (OperatingSystem.IsWindows() ? WindowsSharingViolation : OperatingSystem.IsMacOS() ? MacWouldBlock : LinuxWouldBlock);

    /// <summary>
    /// The lock file stays: deleting it could let a waiter lock the old file while a newcomer locks a
    /// new one. Each is empty, one per design hash ever built.
    /// </summary>
    public void Dispose() => file.Dispose();
}
