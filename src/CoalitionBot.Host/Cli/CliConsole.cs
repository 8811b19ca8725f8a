namespace CoalitionBot.Host.Cli;

/// <summary>The terminal a verb talks to; tests pass string readers and writers.</summary>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error);
