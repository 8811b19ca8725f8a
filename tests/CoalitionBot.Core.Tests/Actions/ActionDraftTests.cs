using CoalitionBot.Actions;

namespace CoalitionBot.Tests.Actions;

public sealed class ActionDraftTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("", new[] { "P3D", "P1D", "PT2H" })]
    [InlineData("3 days, 1 day, 2 hours", new[] { "P3D", "P1D", "PT2H" })]
    [InlineData("2h 3d", new[] { "P3D", "PT2H" })]
    [InlineData("1 week and 30 minutes", new[] { "P7D", "PT30M" })]
    [InlineData("PT1M, PT2M", new[] { "PT2M", "PT1M" })]
    [InlineData("none", new string[0])]
    public void ReadsReminderOffsetsAsTyped(string text, string[] expected)
    {
        var (offsets, problem) = ReminderOffsets.Read(text);

        Assert.Null(problem);
        Assert.Equal(expected, offsets);
    }

    [Fact]
    public void SaysWhichOffsetItCannotRead()
    {
        var (offsets, problem) = ReminderOffsets.Read("3 days, soonish");

        Assert.Null(offsets);
        Assert.Contains("“soonish”", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void PutsEachProblemBesideItsField()
    {
        var check = new ActionDraft("petition", " ", null, "not a link", "last week", "3 days, never", "Europe/Brussels").Check(Now);

        Assert.False(check.IsValid);
        Assert.Equal(
            [ActionDraft.Fields.Deadline, ActionDraft.Fields.Kind, ActionDraft.Fields.Link, ActionDraft.Fields.Reminders, ActionDraft.Fields.Title],
            check.Errors.Keys.Order());
    }

    [Fact]
    public void ConfirmsWhatWillBeSentBeforeItIsSaved()
    {
        var draft = new ActionDraft("sign-on", "Protection in transit", "Please sign.", "https://example.org/letter", "Dec 5 17:00", "3 days, 2 hours", "America/Guatemala");

        var check = draft.Check(Now);
        var request = draft.ToNewAction(check, [new NewAudience("slack", "C1", null, Dm: true)], new NewCoordinator("slack", "U1"));

        Assert.True(check.IsValid);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 23, 0, 0, TimeSpan.Zero), request.Deadline);
        Assert.Equal("America/Guatemala", request.TimeZone);
        Assert.Equal(
            "Sign-on request: Protection in transit\n"
            + "Deadline: Saturday 5 December 2026, 17:00 (America/Guatemala) — Sat 5 Dec 23:00 UTC\n"
            + "Reminders: 3 days and 2 hours before the deadline, to those who have not answered\n"
            + "Goes to 1 conversation, and to each member by direct message.",
            draft.Confirmation(check, 1, dm: true));
    }

    [Theory]
    [InlineData("actions", ActionCommandKind.List, null)]
    [InlineData("action new", ActionCommandKind.New, null)]
    [InlineData("Action Status act_12ab", ActionCommandKind.Status, "act_12ab")]
    [InlineData("action close act_12ab", ActionCommandKind.Close, "act_12ab")]
    public void ReadsActionCommands(string text, ActionCommandKind kind, string? id)
    {
        Assert.Equal(new ActionCommand(kind, id), ActionCommand.Parse(text));
    }

    [Theory]
    [InlineData("what actions can diaspora groups take?")]
    [InlineData("action plan for diaspora groups?")]
    [InlineData("action research methods")]
    public void LeavesQuestionsToTheLibrary(string question) => Assert.Null(ActionCommand.Parse(question));
}
