using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CoalitionBot.Slack.Tests.SocketMode;

/// <summary>Writes log lines to the test's output, to read when a test fails; tests never assert on them.</summary>
internal sealed class OutputLogger<T>(ITestOutputHelper output) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        try
        {
            output.WriteLine($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : " — " + exception.GetType().Name + ": " + exception.Message)}");
        }
        catch (InvalidOperationException)
        {
            // A background loop logged after the test finished; xunit no longer takes output.
        }
    }
}
