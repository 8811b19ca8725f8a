using CoalitionBot.Conversation;
using CoalitionBot.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoalitionBot.Host.Api;

/// <summary>
/// POST /api/chat: the local web chat's conversation, through the same engine as Slack and Teams, so
/// a laptop without either has follow-ups, next-question buttons and the onboarding tour.
/// <c>conversation</c> is the browser's own id (kept in its storage): the tour resumes after a reload.
/// </summary>
internal static class ChatApi
{
    private const string Platform = "web";
    private const int MaxConversationId = 100;

    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/chat", async Task<Results<Ok<ChatReply>, BadRequest<ErrorResponse>>> (ChatRequest request, ConversationEngine engine, AnswerService answers, CancellationToken cancellationToken) =>
        {
            if (request.Button is null && answers.Problem(request.Text) is { } problem)
            {
                return TypedResults.BadRequest(new ErrorResponse(problem));
            }
            if (string.IsNullOrWhiteSpace(request.Conversation) || request.Conversation.Length > MaxConversationId)
            {
                return TypedResults.BadRequest(new ErrorResponse($"Give a conversation id of 1 to {MaxConversationId} characters."));
            }
            var where = new IncomingMessage(Platform, request.Conversation, request.Conversation, null, request.Text ?? "");
            Reply reply;
            if (request.Button is { } button)
            {
                reply = button.Action switch
                {
                    var onboarding when onboarding is not null && ReplyActions.IsOnboarding(onboarding) => await engine.OnboardingClickAsync(where, onboarding, button.Value ?? "", cancellationToken),
                    ReplyActions.Ask or ReplyActions.Retry when !string.IsNullOrWhiteSpace(button.Value) => await engine.ReplyToAsync(where with { Text = button.Value }, cancellationToken),
                    ReplyActions.Helpful or ReplyActions.NotHelpful => await engine.RecordFeedbackAsync(Platform, request.Conversation, button.Value ?? "", button.Action == ReplyActions.Helpful, cancellationToken),
                    _ => new Reply(ReplyKind.Problem, "Sorry, I don't know that button. Type your question instead.", null, []),
                };
            }
            else
            {
                reply = await engine.ReplyToAsync(where, cancellationToken);
            }
            return TypedResults.Ok(new ChatReply(
                reply.Kind.ToString().ToLowerInvariant(),
                reply.Text,
                reply.Answer,
                reply.Note,
                reply.Buttons.Where(b => b.Action != ReplyActions.AskCoordinator).Select(b => new ChatButton(b.Label, b.Action, b.Value)).ToList()));
        });
        return app;
    }
}

public sealed record ChatRequest(string? Conversation, string? Text, ChatButton? Button);

public sealed record ChatButton(string? Label, string? Action, string? Value);

/// <summary>A reply for the web chat: its kind, text, the answer with citations when there is one, a note, and its buttons.</summary>
public sealed record ChatReply(string Kind, string Text, Answer? Answer, string? Note, IReadOnlyList<ChatButton> Buttons);
