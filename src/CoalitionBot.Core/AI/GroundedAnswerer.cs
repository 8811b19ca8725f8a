using System.Text;
using CoalitionBot.Knowledge;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.AI;

/// <summary>
/// Writes the answer text with the chat model from the cited passages only, and checks it
/// (<see cref="CitationChecker"/>). Whatever goes wrong — the server is down, slow past the
/// deadline, or answers without valid citations — the extractive answer is returned and a
/// warning logged: the person never sees a model error.
/// </summary>
internal sealed partial class GroundedAnswerer(IChatClient chat, IOptions<AIOptions> options, ILogger<GroundedAnswerer> logger)
{
    /// <param name="extractive">The found answer; its citations are what the model may cite.</param>
    /// <param name="onText">
    /// Receives the text so far while it streams, up to its last valid citation number (the whole
    /// answer is checked only at the end, so the final answer may still be the extractive one).
    /// </param>
    /// <param name="deadline">Cancelled at AI:Timeout (or when the caller gives up).</param>
    /// <param name="cancellationToken">The caller's token: its cancellation is passed on, not turned into a fallback.</param>
    public async Task<Answer> AnswerAsync(Answer extractive, Func<string, CancellationToken, Task>? onText, CancellationToken deadline, CancellationToken cancellationToken)
    {
        var messages = GroundingPrompt.Build(extractive.Question, extractive.Citations);
        var chatOptions = new ChatOptions { Temperature = 0, MaxOutputTokens = options.Value.MaxAnswerTokens };
        string text;
        try
        {
            if (onText is null)
            {
                var response = await chat.GetResponseAsync(messages, chatOptions, deadline);
                text = response.Text;
            }
            else
            {
                var streamed = new StringBuilder();
                var shown = "";
                await foreach (var update in chat.GetStreamingResponseAsync(messages, chatOptions, deadline))
                {
                    streamed.Append(update.Text);
                    // Only what is already cited is shown; the whole answer is checked at the end.
                    var cited = CitationChecker.CitedSoFar(streamed.ToString(), extractive.Citations.Count);
                    if (cited.Length > shown.Length)
                    {
                        shown = cited;
                        await onText(shown, deadline);
                    }
                }
                text = streamed.ToString();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.TimedOut(logger, options.Value.ChatModel, options.Value.Timeout.TotalSeconds);
            return extractive;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The boundary to the model server: any failure there is a fallback, never an error to the person.
            Log.Failed(logger, e, options.Value.ChatModel, e.GetType().Name);
            return extractive;
        }
        var check = CitationChecker.Check(text, extractive.Citations.Count);
        if (!check.Valid)
        {
            Log.Rejected(logger, options.Value.ChatModel, check.Problem!, text.Length);
            return extractive;
        }
        return extractive with { Text = check.Text, Generated = true };
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "Chat model {Model} did not answer within {TimeoutSeconds} s; gave the extractive answer")]
        public static partial void TimedOut(ILogger logger, string? model, double timeoutSeconds);

        [LoggerMessage(LogLevel.Warning, "Chat model {Model} failed with {ErrorType}; gave the extractive answer")]
        public static partial void Failed(ILogger logger, Exception exception, string? model, string errorType);

        [LoggerMessage(LogLevel.Warning, "Chat model {Model} answered with {Problem} ({Length} characters); gave the extractive answer")]
        public static partial void Rejected(ILogger logger, string? model, string problem, int length);
    }
}
