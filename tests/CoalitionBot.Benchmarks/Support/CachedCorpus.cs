using CoalitionBot.Benchmarks.Corpus;

namespace CoalitionBot.Benchmarks.Support;

/// <summary>
/// A generated corpus, and an index of it, kept under the temp folder between benchmark
/// processes: BenchmarkDotNet runs every case in a process of its own, and generating 20 MB and
/// indexing it again per case would dominate the run. The folder name carries the generator's
/// version, size and seed, so a changed generator writes a new corpus instead of reusing a stale one.
/// </summary>
internal static class CachedCorpus
{
    private static string Root => Path.Combine(Path.GetTempPath(), "coalitionbot-benchmarks");

    /// <summary>The corpus folder, generated on first use.</summary>
    public static string Folder(int documents, int seed = SyntheticCorpus.DefaultSeed)
    {
        var folder = Path.Combine(Root, Key(documents, seed), "corpus");
        if (!Directory.Exists(folder))
        {
            // Generated aside and then moved, so that an interrupted run never leaves a partial corpus behind that name.
            var partial = folder + "." + Guid.NewGuid().ToString("N");
            new SyntheticCorpus(documents, seed).WriteTo(partial);
            Directory.Move(partial, folder);
        }
        return folder;
    }

    /// <summary>A data folder kept with the corpus; index updates are incremental, so a kept index is only checked.</summary>
    public static string DataFolder(int documents, int seed = SyntheticCorpus.DefaultSeed) =>
        Directory.CreateDirectory(Path.Combine(Root, Key(documents, seed), "data")).FullName;

    private static string Key(int documents, int seed) => $"corpus-v{SyntheticCorpus.Version}-{documents}-{seed}";
}
