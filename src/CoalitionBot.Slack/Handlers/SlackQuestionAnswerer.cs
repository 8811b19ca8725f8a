using CoalitionBot.Conversation;
using CoalitionBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.Handlers;

/// <summary>Answers a question where it was asked; never silent: a failure still gets an apology with "Try again".</summary>
internal sealed partial class SlackQuestionAnswerer(ConversationEngine engine, SlackReplier replier, SlackApiClient slack, TimeProvider time, ILogger<SlackQuestionAnswerer> logger)
{
    public Task<Reply> ReplyAsync(string user, string channel, string? threadTs, string text, CancellationToken cancellationToken) =>
        ReplyAsync(user, channel, threadTs, text, null, false, cancellationToken);

    private async Task<Reply> ReplyAsync(string user, string channel, string? threadTs, string text, SlackAnswerStream? stream, bool direct, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.ReplyToAsync(new IncomingMessage(Platforms.Slack, user, channel, threadTs, Payload.Unescape(text), Direct: direct), stream is null ? null : stream.OnTextAsync, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.AnswerFailed(logger, e, user, channel);
            return ConversationEngine.Apology(text);
        }
    }

    /// <param name="triggerId">From a click: a reply that is a form (say, "action new") opens as a modal with it.</param>
    /// <param name="direct">A message in the member's DM with the bot (see <see cref="IncomingMessage.Direct"/>).</param>
    public async Task AnswerInThreadAsync(string user, string channel, string? threadTs, string text, CancellationToken cancellationToken, string? triggerId = null, bool direct = false)
    {
        // A model writes for seconds: show a placeholder at once and let the text grow in it.
        var stream = engine.StreamsAnswers ? await PlaceholderAsync(channel, threadTs, cancellationToken) : null;
        var reply = await ReplyAsync(user, channel, threadTs, text, stream, direct, cancellationToken);
        try
        {
            if (reply.Form is not null && stream is null)
            {
                await replier.ShowAsync(new SlackSpot(user, channel, null, threadTs, false, null, triggerId), reply, cancellationToken);
            }
            else if (stream is null)
            {
                await replier.PostAsync(channel, threadTs, reply, cancellationToken);
            }
            else
            {
                await replier.UpdateAsync(stream.Message.Channel, stream.Message.Ts, reply, cancellationToken);
            }
        }
        catch (SlackApiException e) when (reply.Kind != ReplyKind.Apology)
        {
            // The answer could not be posted (too long, invalid blocks): the person still hears from us.
            Log.PostFailed(logger, e, channel, e.Error);
            await (stream is null
                ? replier.PostAsync(channel, threadTs, ConversationEngine.Apology(text), cancellationToken)
                : replier.UpdateAsync(stream.Message.Channel, stream.Message.Ts, ConversationEngine.Apology(text), cancellationToken));
        }
    }

    /// <summary>The message a generated answer grows in; null (the answer is posted whole) when even that cannot be posted.</summary>
    private async Task<SlackAnswerStream?> PlaceholderAsync(string channel, string? threadTs, CancellationToken cancellationToken)
    {
        try
        {
            var placeholder = await slack.PostMessageAsync(new SlackMessage(channel, SlackAnswerStream.PlaceholderText, null, threadTs), cancellationToken);
            return new SlackAnswerStream(slack, placeholder, time, logger);
        }
        catch (SlackApiException e)
        {
            Log.PostFailed(logger, e, channel, e.Error);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Error, "Answering {User} in {Channel} failed; sent an apology")]
        public static partial void AnswerFailed(ILogger logger, Exception exception, string user, string channel);

        [LoggerMessage(LogLevel.Error, "Posting the answer in {Channel} failed with {Error}; sent an apology")]
        public static partial void PostFailed(ILogger logger, Exception exception, string channel, string error);
    }
}
