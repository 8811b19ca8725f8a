using CoalitionBot.Conversation;
using CoalitionBot.Onboarding;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Tests.Onboarding;

public sealed class OnboardingServiceTests : IAsyncLifetime
{
    private const string Member = "U1";
    private readonly TempFolder _seeds = TempFolder.WithSeeds();
    private readonly TempFolder _data = new();
    private Library _library = null!;

    public async Task InitializeAsync() => _library = await new Library(_seeds.Path, dataPath: _data.Path).StartedAsync();

    public Task DisposeAsync()
    {
        _library.Dispose();
        _seeds.Dispose();
        _data.Dispose();
        return Task.CompletedTask;
    }

    private OnboardingService Service => _library.Services.GetRequiredService<OnboardingService>();

    private ConversationEngine Engine => _library.Services.GetRequiredService<ConversationEngine>();

    private static ReplyButton Button(Reply reply, string action) => reply.Buttons.Single(b => b.Action == action);

    private Task<Reply> ClickAsync(Reply reply, string action) => Service.ClickAsync("slack", Member, action, Button(reply, action).Value, CancellationToken.None);

    [Fact]
    public async Task TheShippedTrackCanBeWalkedWithNextToTheEndAndEveryStepIsAnsweredWithCitations()
    {
        var track = Assert.Single(Service.Tracks);
        var reply = await Engine.ReplyToAsync(new IncomingMessage("slack", Member, "D1", null, "onboard"), CancellationToken.None);

        for (var step = 1; step <= track.Steps.Count; step++)
        {
            Assert.Equal(ReplyKind.Onboarding, reply.Kind);
            Assert.StartsWith($"Welcome to the coalition — step {step} of {track.Steps.Count}: {track.Steps[step - 1].Title}", reply.Text, StringComparison.Ordinal);
            Assert.True(reply.Answer!.Found, $"step {step} has an unanswered question");
            Assert.DoesNotContain("does not answer this any more", reply.Text, StringComparison.Ordinal);
            var numbers = System.Text.RegularExpressions.Regex.Matches(reply.Text, @"\[(\d+)\]").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.NotEmpty(numbers);
            Assert.All(numbers, n => Assert.Contains(reply.Answer.Citations, c => c.N == n));
            Assert.Equal(Enumerable.Range(1, reply.Answer.Citations.Count), reply.Answer.Citations.Select(c => c.N));
            reply = await ClickAsync(reply, ReplyActions.OnboardNext);
        }

        Assert.Contains("well done", reply.Text, StringComparison.Ordinal);
        var row = Assert.Single(await Service.ReportAsync(CancellationToken.None));
        Assert.Equal("completed", row.Status);
    }

    [Fact]
    public async Task AHostRestartResumesAtTheSameStepAndBackGoesToThePreviousOne()
    {
        var first = await Service.StartAsync("slack", Member, null, CancellationToken.None);
        var second = await ClickAsync(first, ReplyActions.OnboardNext);
        await ClickAsync(second, ReplyActions.OnboardNext);
        _library.Dispose();

        // A new host on the same database.
        _library = await new Library(_seeds.Path, dataPath: _data.Path).StartedAsync();
        var resumed = await Engine.ReplyToAsync(new IncomingMessage("slack", Member, "D1", null, "continue onboarding"), CancellationToken.None);
        var back = await ClickAsync(resumed, ReplyActions.OnboardBack);

        Assert.Contains("step 3 of 6", resumed.Text, StringComparison.Ordinal);
        Assert.Equal("Welcome back: you were at step 3 of 6.", resumed.Note);
        Assert.Contains("step 2 of 6", back.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackOnTheFirstStepAndOldButtonsGetAClearWordAndKeepTheProgress()
    {
        var first = await Service.StartAsync("slack", Member, null, CancellationToken.None);
        Assert.DoesNotContain(first.Buttons, b => b.Action == ReplyActions.OnboardBack);

        var stillFirst = await Service.ClickAsync("slack", Member, ReplyActions.OnboardBack, Button(first, ReplyActions.OnboardNext).Value, CancellationToken.None);
        var second = await ClickAsync(first, ReplyActions.OnboardNext);
        var fromOldMessage = await ClickAsync(first, ReplyActions.OnboardNext);
        var edited = await Service.ClickAsync("slack", Member, ReplyActions.OnboardNext, "welcome|goal-and-strategy|00000000", CancellationToken.None);

        Assert.Equal("This is the first step; there is nothing before it.", stillFirst.Note);
        Assert.Contains("step 2 of 6", second.Text, StringComparison.Ordinal);
        Assert.Contains("earlier message", fromOldMessage.Note, StringComparison.Ordinal);
        Assert.Contains("step 2 of 6", fromOldMessage.Text, StringComparison.Ordinal);
        Assert.Contains("changed since", edited.Note, StringComparison.Ordinal);
        Assert.Contains("step 2 of 6", edited.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChecklistItemsAreTickedAndReported()
    {
        var first = await Service.StartAsync("slack", Member, null, CancellationToken.None);

        var ticked = await ClickAsync(first, ReplyActions.OnboardCheck);

        Assert.Contains("✓ done", ticked.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ticked.Buttons, b => b.Action == ReplyActions.OnboardCheck);
        Assert.Equal(["advocating-together"], Assert.Single(await Service.ReportAsync(CancellationToken.None)).Checked);
    }

    [Fact]
    public async Task AnUnknownTrackNamesTheTracksThereAre()
    {
        var reply = await Service.StartAsync("slack", Member, "finance", CancellationToken.None);

        Assert.Equal(ReplyKind.Problem, reply.Kind);
        Assert.Contains("“Welcome to the coalition” (welcome)", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await Service.ReportAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AMemberIsWelcomedOnceWhateverTheyJoinByADurableDelivery()
    {
        var first = await Service.WelcomeAsync("slack", "UNEW", CancellationToken.None);
        var second = await Service.WelcomeAsync("slack", "UNEW", CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        await using var db = await _library.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<CoalitionBot.Storage.CoalitionDbContext>>().CreateDbContextAsync();
        var delivery = Assert.Single(db.Set<CoalitionBot.Reminders.Delivery>());
        Assert.Equal((WelcomeComposer.Name, "UNEW"), (delivery.Kind, delivery.UserId));
        var welcome = await _library.Services.GetServices<CoalitionBot.Reminders.IDeliveryComposer>().Single(c => c.Kind == WelcomeComposer.Name).ComposeAsync(delivery, CancellationToken.None);
        Assert.Equal(ReplyActions.OnboardStart, Assert.Single(welcome!.Buttons).Action);
    }

    [Fact]
    public async Task AskAboutThisMakesTheStepTheContextOfTheMembersNextQuestion()
    {
        var crisis = await Service.StartAsync("slack", Member, null, CancellationToken.None);
        for (var i = 0; i < 4; i++)
        {
            crisis = await ClickAsync(crisis, ReplyActions.OnboardNext);
        }
        Assert.Contains("Helping migrants in a crisis", crisis.Text, StringComparison.Ordinal);
        var where = new IncomingMessage("slack", Member, "D1", "T1", "");

        var prompt = await Engine.OnboardingClickAsync(where, ReplyActions.OnboardAbout, Button(crisis, ReplyActions.OnboardAbout).Value, CancellationToken.None);
        var followUp = await Engine.ReplyToAsync(where with { Text = "what about children?" }, CancellationToken.None);

        Assert.Contains("Helping migrants in a crisis", prompt.Text, StringComparison.Ordinal);
        Assert.Equal(ReplyKind.Answer, followUp.Kind);
        Assert.Contains("child", followUp.Answer!.Citations[0].Passage, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class OnboardingTracksTests
{
    [Fact]
    public void AMalformedFileNamesTheFileAndTheLine()
    {
        using var folder = new TempFolder();
        var path = folder.File("onboarding.yaml", "tracks:\n  - id: welcome\n    steps: [\n");

        var error = Assert.Throws<InvalidDataException>(() => OnboardingTracks.Load(path));

        Assert.StartsWith($"{path}(4,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStepWithoutQuestionsIsRefusedWithItsTrackAndNumber()
    {
        using var folder = new TempFolder();
        var path = folder.File("onboarding.yaml", "tracks:\n  - id: welcome\n    steps:\n      - title: First\n        questions: [What is the common goal?]\n      - title: Second\n");

        var error = Assert.Throws<InvalidDataException>(() => OnboardingTracks.Load(path));

        Assert.Equal($"{path}: track 1 ('welcome'), step 2: give at least one question under 'questions'; the library answers it during the step.", error.Message);
    }
}
