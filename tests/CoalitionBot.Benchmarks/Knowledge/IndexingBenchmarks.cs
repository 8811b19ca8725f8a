using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CoalitionBot.Benchmarks.Corpus;
using CoalitionBot.Benchmarks.Support;
using CoalitionBot.Knowledge;

namespace CoalitionBot.Benchmarks.Knowledge;

/// <summary>
/// The whole synthetic library indexed from scratch into an empty data folder, as <c>index --rebuild</c>
/// does. One build takes tens of seconds, so: no warm-up, three measured builds.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
[MemoryDiagnoser]
public class IndexingBenchmarks // not sealed: BenchmarkDotNet derives its runner from the benchmark class
{
    private string _corpus = "";
    private TempFolder? _data;
    private CorpusLibrary? _library;

    [Params(SyntheticCorpus.DefaultDocuments)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void GenerateCorpus() => _corpus = CachedCorpus.Folder(Documents);

    [IterationSetup]
    public void OpenEmptyIndex()
    {
        _data = new TempFolder();
        _library = new CorpusLibrary(_corpus, _data.Path);
    }

    [Benchmark]
    public IndexUpdate IndexFromScratch() => _library!.Index.Update(rebuild: true);

    [IterationCleanup]
    public void DeleteIndex()
    {
        _library?.Dispose();
        _data?.Dispose();
    }
}
