using System.Text.Json.Nodes;
using CoalitionBot.Slack.Tests.Support;

namespace CoalitionBot.EndToEnd.Tests.Surfaces;

/// <summary>
/// <c>/coalition …</c> in a channel: what a member would type in a DM, as Slack users type it after the command (a
/// question after "ask"). The reply is the ack (the help), the response_url's message, or, for the tour, the post in
/// the member's DM; a button is pressed on that DM message.
/// </summary>
public sealed class SlackCommandSurface(FakeSlack slack) : ISurface
{
    private const string User = "U888";
    private const string Dm = "DU888";
    private static readonly HashSet<string> Commands = new(StringComparer.OrdinalIgnoreCase) { "help", "actions", "onboard" };

    public string Name => "Slack /coalition";

    public async Task<IReadOnlyList<Seen>> RunAsync(IReadOnlyList<Step> steps)
    {
        var seen = new List<Seen>();
        SlackCall? lastPost = null;
        for (var i = 0; i < steps.Count; i++)
        {
            var (inDm, responses) = (slack.Calls.Count(InDm), slack.Calls.Count(c => c.Method == $"response_url:command{i}"));
            if (steps[i].Pressed is { } label)
            {
                await slack.SendEnvelopeAsync("interactive", SlackMessages.Press(slack, lastPost!, label, User), acceptsResponsePayload: true);
                lastPost = await slack.WaitForCallAsync("chat.postMessage", InDm, count: inDm + 1);
                seen.Add(SlackMessages.Read(lastPost.Body));
                continue;
            }
            var typed = steps[i].Typed!;
            var text = Commands.Contains(typed) || typed.StartsWith("action", StringComparison.OrdinalIgnoreCase) ? typed : "ask " + typed;
            var envelope = await slack.SendEnvelopeAsync("slash_commands", new JsonObject
            {
                ["command"] = "/coalition",
                ["text"] = text,
                ["user_id"] = User,
                ["channel_id"] = "C0GENERAL",
                ["trigger_id"] = "trigger-" + i,
                ["response_url"] = slack.ResponseUrl($"command{i}"),
            }, acceptsResponsePayload: true);
            if (text == "help")
            {
                await slack.WaitForAckAsync(envelope);
                var ack = JsonNode.Parse(slack.Acks.Single(a => a.Contains(envelope, StringComparison.Ordinal)))!["payload"]!.AsObject();
                seen.Add(SlackMessages.Read(ack));
            }
            else if (text == "onboard")
            {
                lastPost = await slack.WaitForCallAsync("chat.postMessage", InDm, count: inDm + 1);
                seen.Add(SlackMessages.Read(lastPost.Body));
            }
            else
            {
                seen.Add(SlackMessages.Read((await slack.WaitForCallAsync($"response_url:command{i}", count: responses + 1)).Body));
            }
        }
        return seen;
    }

    private static bool InDm(SlackCall call) => call.Method == "chat.postMessage" && call.Body["channel"]?.GetValue<string>() == Dm;
}
