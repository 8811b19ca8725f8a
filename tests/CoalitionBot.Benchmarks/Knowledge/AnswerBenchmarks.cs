using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using CoalitionBot.Benchmarks.Corpus;
using CoalitionBot.Benchmarks.Support;
using CoalitionBot.Knowledge;

namespace CoalitionBot.Benchmarks.Knowledge;

/// <summary>
/// Warm answer latency per realistic question over the indexed synthetic library (the last one
/// is not in the library, which exercises the not-found path). Means only: <c>measure</c> gives percentiles.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
[Config(typeof(WholeQuestions))]
public class AnswerBenchmarks // not sealed: BenchmarkDotNet derives its runner from the benchmark class
{
    private CorpusLibrary? _library;

    [Params(SyntheticCorpus.DefaultDocuments)]
    public int Documents { get; set; }

    [ParamsSource(nameof(Questions))]
    public string Question { get; set; } = "";

    public static IEnumerable<string> Questions => SyntheticQuestions.Realistic;

    [GlobalSetup]
    public void OpenIndex()
    {
        _library = new CorpusLibrary(CachedCorpus.Folder(Documents), CachedCorpus.DataFolder(Documents));
        // Incremental: the first case of a run builds the index, the others find it up to date.
        _library.Index.Update();
        // The first not-found answer builds the suggestion pool once per index version; that is start-up, not latency.
        _library.Answers.AskAsync(SyntheticQuestions.Realistic[^1], CancellationToken.None).GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task<Answer> Ask() => _library!.Answers.AskAsync(Question, CancellationToken.None);

    [GlobalCleanup]
    public void CloseIndex() => _library?.Dispose();

    /// <summary>The summary shows each question whole, not "What (...)read? [44]".</summary>
    public sealed class WholeQuestions : ManualConfig
    {
        public WholeQuestions() => SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(100);
    }
}
