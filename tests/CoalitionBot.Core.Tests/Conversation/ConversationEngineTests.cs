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

    private static IncomingMessage Message(string text, string? thread = null) => new("test", "U1", "C1", thread, text);

    [Fact]
    public async Task QuestionIsAnsweredWithFeedbackButtonsForTheStoredAnswer()
    {
        var reply = await Engine.ReplyToAsync(Message("What can diaspora groups do in a crisis?"), CancellationToken.None);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal([ReplyActions.Helpful, ReplyActions.NotHelpful], reply.Buttons.Take(2).Select(b => b.Action));
        Assert.All(reply.Buttons.Take(2), b => Assert.Equal(reply.AnswerId.ToString(), b.Value));
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

    [Fact]
    public async Task WhatAboutChildrenAfterACrisisQuestionFindsTheChildrenPassagesInThatThread()
    {
        var first = await Engine.ReplyToAsync(Message("What can civil society do to help migrants in a crisis?", thread: "T1"), CancellationToken.None);
        var followUp = await Engine.ReplyToAsync(Message("what about children?", thread: "T1"), CancellationToken.None);

        Assert.Equal(ReplyKind.Answer, first.Kind);
        Assert.Equal(ReplyKind.Answer, followUp.Kind);
        Assert.Contains("child", followUp.Answer!.Citations[0].Passage, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(followUp.Answer.Citations, c => first.Answer!.Citations.Any(f => f.Passage == c.Passage));
    }

    [Fact]
    public async Task FollowUpIsReadOnlyWithinItsOwnThread()
    {
        await Engine.ReplyToAsync(Message("What can civil society do to help migrants in a crisis?", thread: "T1"), CancellationToken.None);

        var elsewhere = await Engine.ReplyToAsync(Message("tell me more", thread: "T2"), CancellationToken.None);

        Assert.Equal(ReplyKind.NotFound, elsewhere.Kind);
    }

    [Fact]
    public async Task InADirectConversationAFollowUpTypedBelowFollowsThatPersonsLastTurn()
    {
        // A Slack DM: each message starts its own thread, and people type the follow-up below, not in the thread.
        var first = await Engine.ReplyToAsync(Message("What can diaspora groups do in a crisis?", thread: "T1") with { Direct = true }, CancellationToken.None);
        var more = await Engine.ReplyToAsync(Message("tell me more", thread: "T2") with { Direct = true }, CancellationToken.None);
        var someoneElse = await Engine.ReplyToAsync(Message("tell me more", thread: "T3") with { Direct = true, UserId = "U-other" }, CancellationToken.None);

        Assert.Equal(ReplyKind.Answer, more.Kind);
        Assert.DoesNotContain(more.Answer!.Citations, c => first.Answer!.Citations.Any(f => f.Passage == c.Passage));
        Assert.Equal(ReplyKind.NotFound, someoneElse.Kind);
    }

    [Fact]
    public async Task TellMeMoreGivesPassagesNotShownYet()
    {
        var first = await Engine.ReplyToAsync(Message("What can diaspora groups do in a crisis?", thread: "T1"), CancellationToken.None);
        var more = await Engine.ReplyToAsync(Message("tell me more", thread: "T1"), CancellationToken.None);

        Assert.Equal(ReplyKind.Answer, first.Kind);
        Assert.NotNull(more.Answer);
        Assert.DoesNotContain(more.Answer!.Citations, c => first.Answer!.Citations.Any(f => f.Passage == c.Passage));

        // Asked again, it goes further still: nothing the first two turns showed comes back.
        var evenMore = await Engine.ReplyToAsync(Message("tell me more", thread: "T1"), CancellationToken.None);
        var shown = first.Answer!.Citations.Concat(more.Answer.Citations).Select(c => c.Passage).ToHashSet();
        Assert.DoesNotContain(evenMore.Answer?.Citations ?? [], c => shown.Contains(c.Passage));
    }

    [Theory]
    [InlineData("What can diaspora groups do in a crisis?")]
    [InlineData("What is the common goal of the alliance?")]
    [InlineData("What does an advocacy module contain?")]
    public async Task EverySuggestedFollowUpIsAnsweredWhenAsked(string question)
    {
        var reply = await Engine.ReplyToAsync(Message(question), CancellationToken.None);
        var next = reply.Buttons.Where(b => b.Action == ReplyActions.Ask).ToList();

        Assert.InRange(next.Count, 2, 3);
        foreach (var suggestion in next)
        {
            var answer = await _library.AskAsync(suggestion.Value);
            Assert.True(answer.Found, $"“{suggestion.Value}” was suggested after “{question}” but is not answered");
        }
    }

    [Fact]
    public async Task GlossaryTermsAreDefinedCitingTheGlossary()
    {
        var reply = await Engine.ReplyToAsync(Message("What does CRC mean?"), CancellationToken.None);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Contains("Convention on the Rights of the Child", reply.Text, StringComparison.Ordinal);
        var citation = Assert.Single(reply.Answer!.Citations);
        Assert.Equal("Glossary", citation.Title);
        Assert.Equal("glossary.yaml", citation.Document);
    }
}
