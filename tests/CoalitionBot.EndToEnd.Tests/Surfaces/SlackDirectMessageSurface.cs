using CoalitionBot.Slack.Tests.Support;

namespace CoalitionBot.EndToEnd.Tests.Surfaces;

/// <summary>A Slack DM with the bot over Socket Mode: each message an events_api envelope, each reply a chat.postMessage in the DM.</summary>
public sealed class SlackDirectMessageSurface(FakeSlack slack) : ISurface
{
    private const string User = "U123";
    private const string Dm = "D123";

    public string Name => "Slack DM";

    public async Task<IReadOnlyList<Seen>> RunAsync(IReadOnlyList<Step> steps)
    {
        var seen = new List<Seen>();
        SlackCall? last = null;
        for (var i = 0; i < steps.Count; i++)
        {
            var posted = slack.Calls.Count(InDm);
            if (steps[i].Typed is { } text)
            {
                await slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage(text, User, Dm, ts: $"17640009{i:D2}.000100")));
            }
            else
            {
                await slack.SendEnvelopeAsync("interactive", SlackMessages.Press(slack, last!, steps[i].Pressed!, User), acceptsResponsePayload: true);
            }
            last = await slack.WaitForCallAsync("chat.postMessage", InDm, count: posted + 1);
            seen.Add(SlackMessages.Read(last.Body));
        }
        return seen;
    }

    private static bool InDm(SlackCall call) => call.Method == "chat.postMessage" && call.Body["channel"]?.GetValue<string>() == Dm;
}
