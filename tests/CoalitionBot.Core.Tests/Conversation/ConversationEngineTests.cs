using CoalitionBot.Conversation;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Tests.Conversation;

public sealed class ConversationEngineTests : IAsyncLifetime
{
    private readonly TempFolder _seeds = TempFolder.WithSeeds();
    private Library _library = null!;

    private ConversationEngine Engine => _library.Services.GetRequiredService<ConversationEngine>();

    public async Task InitializeAsync() => _library = await new Library(_seeds.Path).StartedAsync();

    public Task DisposeAsync()
    {
        _library.Dispose();
        _seeds.Dispose();
        return Task.CompletedTask;
    }

    private static IncomingMessage Message(string text) => new("test", "U1", "C1", null, text);

    [Fact]
    public async Task QuestionIsAnsweredWithFeedbackButtonsForTheStoredAnswer()
    {
        var reply = await Engine.ReplyToAsync(Message("What can diaspora groups do in a crisis?"), CancellationToken.None);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal([ReplyActions.Helpful, ReplyActions.NotHelpful], reply.Buttons.Select(b => b.Action));
        Assert.All(reply.Buttons, b => Assert.Equal(reply.AnswerId.ToString(), b.Value));
        await using var db = await _library.Services.GetRequiredService<IDbContextFactory<CoalitionDbContext>>().CreateDbContextAsync();
        var stored = await db.AnsweredQuestions.SingleAsync();
        Assert.Equal("What can diaspora groups do in a crisis?", stored.Question);
        Assert.Contains("004_949f98561308b498.txt", stored.CitationsJson);
    }

    [Fact]
    public async Task NotFoundOffersItsSuggestionsAsQuestions()
    {
        var reply = await Engine.ReplyToAsync(Message("What is the office parking policy?"), CancellationToken.None);

        Assert.Equal(ReplyKind.NotFound, reply.Kind);
        Assert.Equal(reply.Answer!.Suggestions, reply.Buttons.Select(b => b.Value));
        Assert.All(reply.Buttons, b => Assert.Equal(ReplyActions.Ask, b.Action));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData("?")]
    public async Task HelpIsRoutedToTheHelp(string text) =>
        Assert.Equal(ReplyKind.Help, (await Engine.ReplyToAsync(Message(text), CancellationToken.None)).Kind);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task EmptyMessageIsAProblemWithAnExample(string text)
    {
        var reply = await Engine.ReplyToAsync(Message(text), CancellationToken.None);

        Assert.Equal(ReplyKind.Problem, reply.Kind);
        Assert.Contains("Please type a question", reply.Text);
    }

    [Fact]
    public async Task FeedbackIsStoredOncePerMemberAndCanBeChanged()
    {
        var reply = await Engine.ReplyToAsync(Message("What does an advocacy module contain?"), CancellationToken.None);
        var id = reply.AnswerId!.Value.ToString();

        await Engine.RecordFeedbackAsync("test", "U2", id, helpful: true, CancellationToken.None);
        var changed = await Engine.RecordFeedbackAsync("test", "U2", id, helpful: false, CancellationToken.None);

        Assert.Equal(ReplyKind.Answer, changed.Kind);
        Assert.Empty(changed.Buttons);
        Assert.Contains("not helpful", changed.Note);
        Assert.Equal(reply.Answer!.Citations.Select(c => c.Document), changed.Answer!.Citations.Select(c => c.Document));
        await using var db = await _library.Services.GetRequiredService<IDbContextFactory<CoalitionDbContext>>().CreateDbContextAsync();
        var feedback = await db.AnswerFeedback.SingleAsync();
        Assert.False(feedback.Helpful);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("5d1a2b1c-0000-0000-0000-000000000000")]
    public async Task FeedbackOnAnAnswerThatDoesNotExistChangesNothing(string answerId)
    {
        var reply = await Engine.RecordFeedbackAsync("test", "U2", answerId, helpful: true, CancellationToken.None);

        Assert.Equal(ReplyKind.Problem, reply.Kind);
        await using var db = await _library.Services.GetRequiredService<IDbContextFactory<CoalitionDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.AnswerFeedback.ToListAsync());
    }
}
