using Microsoft.Extensions.Logging;

namespace CoalitionBot.AI;

/// <summary>
/// Passes log events on with Error and Critical lowered to Warning. Microsoft.Extensions.AI's
/// logging clients report a failed model call as an error, but for us it is not one: the person
/// got the extractive answer, and the operator needs a warning, not an alert.
/// </summary>
internal sealed class WarningCeilingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(Cap(logLevel));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        inner.Log(Cap(logLevel), eventId, state, exception, formatter);

    private static LogLevel Cap(LogLevel level) => level is LogLevel.Error or LogLevel.Critical ? LogLevel.Warning : level;
}
