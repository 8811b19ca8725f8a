using CoalitionBot.Conversation;
using CoalitionBot.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoalitionBot.Host.Api;

/// <summary>
/// POST /api/chat: the local web chat's conversation, through the same Core as Slack and Teams (messages, every
/// button, forms), so a laptop without either has follow-ups, next-question buttons, the tour and the joint-action
/// commands. <c>conversation</c> is the browser's own id (kept in its storage): the tour resumes after a reload.
/// </summary>
internal static class ChatApi
{
    private const int MaxConversationId = 100;
    private const int MaxFormValue = 5_000;

    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/chat", async Task<Results<Ok<ChatReply>, BadRequest<ErrorResponse>>> (ChatRequest request, ConversationEngine engine, InteractionHandler interactions, AnswerService answers, CancellationToken cancellationToken) =>
        {
            if (request.Button is null && request.Form is null && answers.Problem(request.Text) is { } problem)
            {
                return TypedResults.BadRequest(new ErrorResponse(problem));
            }
            if (string.IsNullOrWhiteSpace(request.Conversation) || request.Conversation.Length > MaxConversationId)
            {
                return TypedResults.BadRequest(new ErrorResponse($"Give a conversation id of 1 to {MaxConversationId} characters."));
            }
            if (request.Form is { } form && (string.IsNullOrWhiteSpace(form.Id) || form.State?.Length > Form.MaxState || form.Values?.Values.Any(v => v?.Length > MaxFormValue) == true))
            {
                return TypedResults.BadRequest(new ErrorResponse($"A form submit needs the form's id, its state as it was given, and values of at most {MaxFormValue} characters."));
            }
            // The browser says its zone (Intl); a name the server does not know is ignored rather than guessed at.
            var zone = request.TimeZone is { Length: > 0 and <= 64 } z && TimeZoneInfo.TryFindSystemTimeZoneById(z, out _) ? z : null;
            var where = new IncomingMessage(Platforms.Web, request.Conversation, request.Conversation, null, request.Text ?? "", zone);
            var reply = request switch
            {
                { Form: { } submit } => await interactions.SubmitAsync(new FormSubmit(where, submit.Id!, submit.Values ?? [], submit.State, submit.RequestId, submit.Back), cancellationToken),
                { Button: { } button } => await interactions.ClickAsync(new ButtonClick(where, button.Action ?? "", button.Value ?? ""), cancellationToken),
                _ => await engine.ReplyToAsync(where, cancellationToken),
            };
            return TypedResults.Ok(ChatReply.From(reply));
        }).RequireRateLimiting(RateLimits.Questions);
        return app;
    }
}

public sealed record ChatRequest(string? Conversation, string? Text, ChatButton? Button, ChatFormSubmit? Form = null, string? TimeZone = null);

public sealed record ChatButton(string? Label, string? Action, string? Value);

/// <summary>A form's submit from the browser: the form's id and state as the reply gave them, and the values by field name.</summary>
/// <param name="RequestId">The browser's id for this form, so a double submit creates one action.</param>
public sealed record ChatFormSubmit(string? Id, string? State, Dictionary<string, string?>? Values, bool Back = false, string? RequestId = null);

/// <summary>A reply for the web chat: its kind, text, the answer with citations when there is one, a note, its buttons, and a form to fill in.</summary>
public sealed record ChatReply(string Kind, string Text, Answer? Answer, string? Note, IReadOnlyList<ChatButton> Buttons, ChatForm? Form = null)
{
    public static ChatReply From(Reply reply) => new(
        reply.Kind.ToString().ToLowerInvariant(),
        reply.Text,
        reply.Answer,
        reply.Note,
        // A form is shown in the page itself: the "open the form" button of surfaces that cannot is not needed here.
        reply.Form is not null ? [] : reply.Buttons.Select(b => new ChatButton(b.Label, b.Action, b.Value)).ToList(),
        reply.Form is { } form ? ChatForm.From(form) : null);
}

/// <summary>A <see cref="Form"/> for the browser to render as an HTML form; <c>kind</c> is text, longtext, url, choice, toggle or conversations.</summary>
public sealed record ChatForm(string Id, string Title, string SubmitLabel, string? BackLabel, string? Intro, string? Note, string? State, IReadOnlyList<ChatField> Fields)
{
    public static ChatForm From(Form form) => new(form.Id, form.Title, form.SubmitLabel, form.BackLabel, form.Intro, form.Note, form.State,
        form.Fields.Select(f => new ChatField(f.Name, f.Label, f.Kind.ToString().ToLowerInvariant(), f.Value, f.Optional, f.MaxLength, f.Placeholder, f.Hint,
            f.Choices.Select(c => new ChatChoice(c.Value, c.Label)).ToList(), f.Error)).ToList());
}

public sealed record ChatField(string Name, string Label, string Kind, string? Value, bool Optional, int? MaxLength, string? Placeholder, string? Hint, IReadOnlyList<ChatChoice> Choices, string? Error);

public sealed record ChatChoice(string Value, string Label);
