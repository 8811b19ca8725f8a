namespace CoalitionBot.Benchmarks.Measure;

/// <summary>Answer latencies in milliseconds, with nearest-rank percentiles.</summary>
internal sealed class Latencies(IEnumerable<double> milliseconds)
{
    private readonly double[] _sorted = milliseconds.Order().ToArray();

    public int Count => _sorted.Length;

    public double Mean => _sorted.Length == 0 ? 0 : _sorted.Average();

    public double Max => _sorted.Length == 0 ? 0 : _sorted[^1];

    public double Percentile(double p) =>
        _sorted.Length == 0 ? 0 : _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
