using CoalitionBot.Conversation;
using CoalitionBot.Teams.AdaptiveCards;

namespace CoalitionBot.Teams.Tests.AdaptiveCards;

public sealed class DeadlineCardTests
{
    [Fact]
    public void DeadlineIsWrittenForTeamsToShowInEachReadersZone()
    {
        var reply = new Reply(ReplyKind.Announcement, "Sign-on request: Joint letter", null, [], Deadline: new DateTimeOffset(2026, 12, 5, 17, 0, 0, TimeSpan.FromHours(1)));

        var card = ReplyCard.ToJson(ReplyCard.Render(reply));

        Assert.Contains("{{DATE(2026-12-05T16:00:00Z, LONG)}} {{TIME(2026-12-05T16:00:00Z)}}", card);
    }
}
