using BenchmarkDotNet.Running;
using CoalitionBot.Benchmarks.Measure;

// `measure` reports percentiles and resident memory, which BenchmarkDotNet's means do not show;
// `bench`, or no verb, runs BenchmarkDotNet: every benchmark unless a --filter is given.
return args switch
{
    ["measure", .. var rest] => await MeasureCommand.RunAsync(rest),
    ["bench", .. var rest] => RunBenchmarks(rest),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    string[] filtered = args.Contains("--filter") || args.Contains("-f") ? args : [.. args, "--filter", "*"];
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(filtered);
    return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
}
