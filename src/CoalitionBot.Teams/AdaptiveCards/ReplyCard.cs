using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Conversation;
using CoalitionBot.Knowledge;

namespace CoalitionBot.Teams.AdaptiveCards;

/// <summary>
/// A <see cref="Reply"/> as an Adaptive Card 1.5, written as JSON: the answer, each citation (number,
/// document, section, quoted passage), the note, then the buttons as Action.Submit in an ActionSet. An onboarding
/// step puts its note first (why this step is shown) and its first line ("Track — step 1 of 6: Title") as a heading. Submit
/// data is <see cref="CardSubmit"/>'s shape. The card stays within <see cref="MaxUtf16Bytes"/>: passages
/// are cut, and past the budget the last citations give way to a line saying how many were left out.
/// </summary>
internal static class ReplyCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Our policy (teams-protocol.md, Size): 28 KB counted in UTF-16, the lowest limit reported.</summary>
    public const int MaxUtf16Bytes = 28 * 1024;

    private const int AnswerLimit = 4_000;
    private const int PassageLimit = 1_200;
    private const int LabelLimit = 60;
    private const int HeadingLimit = 200;

    public static JsonObject Render(Reply reply)
    {
        if (reply.Form is { } form)
        {
            return FormCard.Render(form);
        }
        var citations = reply.Answer?.Citations ?? [];
        for (var shown = citations.Count; ; shown--)
        {
            var card = Build(reply, citations.Take(shown).ToList(), citations.Count - shown);
            if (Utf16Bytes(card) <= MaxUtf16Bytes || shown == 0)
            {
                return card;
            }
        }
    }

    /// <summary>The card as the Bot Connector receives it: non-ASCII text as itself, not as \u escapes.</summary>
    public static string ToJson(JsonNode card) => card.ToJsonString(Json);

    public static int Utf16Bytes(JsonNode card) => ToJson(card).Length * 2;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };


    private static JsonObject Build(Reply reply, IReadOnlyList<Citation> citations, int omitted)
    {
        var body = new JsonArray();
        var text = reply.Text;
        var note = reply.Note;
        if (reply.Kind == ReplyKind.Onboarding && reply.Answer is not null && SplitTitle(text) is ({ Length: > 0 } title, var rest))
        {
            // A step: why it is shown again (the track's intro, "welcome back", a stale button) above its title line,
            // then the step's intro and its questions answered, with their citations below as for any answer.
            if (note is not null)
            {
                body.Add(TextBlock(CardText.Inert(note), subtle: true));
                note = null;
            }
            body.Add(Heading(title));
            text = rest;
        }
        body.Add(TextBlock(CardText.Inert(CardText.Paragraphs(CardText.Cut(text, AnswerLimit)))));
        foreach (var citation in citations)
        {
            body.Add(CitationContainer(citation));
        }
        if (omitted > 0)
        {
            body.Add(TextBlock($"{omitted} more source{(omitted == 1 ? "" : "s")} not shown.", subtle: true));
        }
        if (reply.Deadline is { } deadline)
        {
            // Teams renders DATE() and TIME() in each reader's own time zone.
            var utc = deadline.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            body.Add(TextBlock($"Deadline in your time zone: {{{{DATE({utc}, LONG)}}}} {{{{TIME({utc})}}}}", subtle: true));
        }
        if (note is not null)
        {
            body.Add(TextBlock(CardText.Inert(note), subtle: true));
        }
        if (reply.Buttons.Count > 0)
        {
            body.Add(new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray(reply.Buttons.Select(b => (JsonNode?)Submit(b, reply.AnswerId)).ToArray()),
            });
        }
        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = body,
        };
    }

    /// <summary>The first line of an onboarding step ("Track — step 2 of 6: Title") and the rest of its text.</summary>
    private static (string Title, string Body) SplitTitle(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline <= 0 ? ("", text) : (text[..newline].Trim(), text[(newline + 1)..]);
    }

    private static JsonObject Heading(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = CardText.Cut(text, HeadingLimit),
        ["wrap"] = true,
        ["weight"] = "Bolder",
        ["size"] = "Medium",
    };

    private static JsonObject CitationContainer(Citation citation)
    {
        var page = citation.PageLabel is { } label ? $" · {label}" : "";
        var items = new JsonArray
        {
            TextBlock(CardText.Inert($"[{citation.N}] **{citation.Title}**" + (citation.Heading() == citation.Title ? "" : $" · {citation.Section}")), size: "Small"),
            TextBlock(CardText.Inert(CardText.Paragraphs(CardText.Cut(citation.Passage, PassageLimit))), subtle: true),
            TextBlock($"{citation.Document}{page} · updated {citation.Updated:yyyy-MM-dd}", subtle: true, size: "Small"),
        };
        if (citation.OpenableUrl is { } url)
        {
            items.Add(new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open document", ["url"] = url } },
            });
        }
        return new JsonObject
        {
            ["type"] = "Container",
            ["separator"] = true,
            ["spacing"] = "Medium",
            ["items"] = items,
        };
    }

    private static JsonObject Submit(ReplyButton button, Guid? answerId)
    {
        var data = new JsonObject { [CardSubmit.ActionKey] = button.Action, [CardSubmit.ValueKey] = button.Value };
        if (answerId is { } id)
        {
            data[CardSubmit.AnswerIdKey] = id.ToString();
        }
        var action = new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = CardText.Cut(button.Label, LabelLimit),
            ["data"] = data,
        };
        if (button.Action == ReplyActions.Retry)
        {
            action["style"] = "positive";
        }
        return action;
    }

    private static JsonObject TextBlock(string text, bool subtle = false, string? size = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (subtle)
        {
            block["isSubtle"] = true;
        }
        if (size is not null)
        {
            block["size"] = size;
        }
        return block;
    }
}
