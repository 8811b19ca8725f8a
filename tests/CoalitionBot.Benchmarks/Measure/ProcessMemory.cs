using System.Globalization;
using System.Runtime;

namespace CoalitionBot.Benchmarks.Measure;

/// <summary>Resident memory now and at its peak (Linux VmRSS and VmHWM), and the managed heap for comparison.</summary>
internal sealed record ProcessMemory(long? ResidentBytes, long? PeakResidentBytes, long ManagedHeapBytes)
{
    public static ProcessMemory Read()
    {
        long? resident = null, peak = null;
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                resident ??= Kilobytes(line, "VmRSS:");
                peak ??= Kilobytes(line, "VmHWM:");
            }
        }
        return new ProcessMemory(resident, peak, GC.GetGCMemoryInfo().HeapSizeBytes);
    }

    public double? ResidentMb => ResidentBytes / 1_048_576.0;

    public double? PeakResidentMb => PeakResidentBytes / 1_048_576.0;

    public override string ToString() =>
        $"RSS {Mb(ResidentBytes)} MB, peak RSS {Mb(PeakResidentBytes)} MB, managed heap {Mb(ManagedHeapBytes)} MB ({(GCSettings.IsServerGC ? "server" : "workstation")} GC)";

    private static string Mb(long? bytes) => bytes is { } b ? (b / 1_048_576.0).ToString("F0", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>"VmRSS:	  123456 kB" → bytes.</summary>
    private static long? Kilobytes(string line, string key) =>
        line.StartsWith(key, StringComparison.Ordinal)
        && long.TryParse(line[key.Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture, out var kb)
            ? kb * 1024
            : null;
}
