using Microsoft.Extensions.DependencyInjection;
using CoalitionBot.AI;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.AI;

/// <summary>
/// Passage embeddings (computed at indexing, stored beside the index, reused) and their fusion
/// with the lexical ranking, through the real clients and <see cref="FakeModelServer"/>, whose
/// <see cref="ConceptEmbedder"/> plays a multilingual embedding model.
/// </summary>
public sealed class SemanticSearchTests : IAsyncLifetime
{
    private readonly TempFolder _documents = new();
    private readonly TempFolder _data = new();
    private FakeModelServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeModelServer.StartAsync();
        _documents.File("emergency-grants.txt",
            "Emergency grants\n\nMember organisations can apply for emergency funds when a crisis hits their community. Applications for emergency funds are reviewed weekly.\n");
        _documents.File("remittances.txt",
            "Remittance practice\n\nDiaspora groups raise money from abroad for families affected by a crisis and send remittances home.\n");
        _documents.File("office.txt",
            "Office rules\n\nThe office closes at six in the evening; the last visitors leave by half past five.\n");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _documents.Dispose();
        _data.Dispose();
    }

    private Dictionary<string, string?> Settings(string provider)
    {
        var settings = _server.Settings(provider, chatModel: null, embeddingModel: "fake-embed");
        settings["AI:MinSimilarity"] = "0.6";
        return settings;
    }

    [Theory]
    [InlineData("OpenAI")]
    [InlineData("Ollama")]
    public async Task PassageEmbeddingsAreStoredBesideTheIndexAndReusedOnRestart(string provider)
    {
        int passages;
        using (var first = await new Library(_documents.Path, Settings(provider), _data.Path).IndexedAsync())
        {
            Assert.True(File.Exists(Path.Combine(first.Index.IndexPath, EmbeddingFile.Name)));
        }
        // Each passage, and the sentences of those that have several (PassageEmbeddings.Inputs).
        passages = _server.EmbeddedTexts;
        Assert.True(passages >= 3, $"{passages} texts embedded");

        using var restarted = await new Library(_documents.Path, Settings(provider), _data.Path).IndexedAsync();
        Assert.Equal(passages, _server.EmbeddedTexts);
        await restarted.AskAsync("How do diaspora groups raise money for families?");
        Assert.Equal(passages + 1, _server.EmbeddedTexts);

        _documents.File("remittances.txt",
            "Remittance practice\n\nDiaspora groups raise money from abroad for families affected by a crisis and send remittances home every month.\n");
        restarted.Index.Update();
        await restarted.AskAsync("How do diaspora groups raise money for families?");
        // The question does not wait for the changed passage: it is embedded in the background.
        await restarted.Services.GetRequiredService<PassageEmbeddings>().Background;
        Assert.Equal(passages + 1 + 1 + 1, _server.EmbeddedTexts);   // the changed passage, and the question again
    }

    [Theory]
    [InlineData("OpenAI")]
    [InlineData("Ollama")]
    public async Task PassageFoundByBothRankingsMovesAheadOfOneFoundByWordsAlone(string provider)
    {
        const string Question = "How can diaspora groups raise emergency funds in a crisis?";
        using var lexical = new Library(_documents.Path).Indexed();
        var byWords = await lexical.AskAsync(Question);
        Assert.True(byWords.Citations.Count >= 2, $"{byWords.Citations.Count} citations");
        var (first, second) = (byWords.Citations[0].Passage, byWords.Citations[1].Passage);
        // Meaning ranks the lexical second first and the lexical first last: 1/62 + 1/61 beats 1/61 + 1/63.
        _server.Embed = text =>
            text == Question ? [1, 0, 0]
            : text.Contains(second, StringComparison.Ordinal) ? [1, 0.1f, 0]
            : text.Contains(first, StringComparison.Ordinal) ? [1, 0.6f, 0]
            : [1, 0.3f, 0];

        using var hybrid = await new Library(_documents.Path, Settings(provider)).IndexedAsync();
        var fused = await hybrid.AskAsync(Question);

        Assert.True(fused.Found);
        Assert.Equal(second, fused.Citations[0].Passage);
        Assert.Equal(first, fused.Citations[1].Passage);
    }

    [Theory]
    [InlineData("¿Cómo pueden las comunidades en el extranjero recaudar dinero para sus familias?")]
    [InlineData("Comment les communautés à l'étranger peuvent-elles collecter de l'argent pour leurs familles ?")]
    [InlineData("Como as comunidades no exterior podem arrecadar dinheiro para suas famílias?")]
    public async Task QuestionInAnotherLanguageFindsTheEnglishPassage(string question)
    {
        using var lexical = new Library(_documents.Path).Indexed();
        Assert.False((await lexical.AskAsync(question)).Found);

        using var semantic = await new Library(_documents.Path, Settings("Ollama")).IndexedAsync();
        var answer = await semantic.AskAsync(question);

        Assert.True(answer.Found);
        Assert.Equal("remittances.txt", answer.Citations[0].Document);
        Assert.Contains("[1]", answer.Text);
    }

    [Theory]
    [InlineData("Who won the football world cup?")]
    [InlineData("¿Quién ganó la copa del mundo de fútbol?")]
    public async Task QuestionOutsideTheLibraryStillGetsNotFound(string question)
    {
        using var semantic = await new Library(_documents.Path, Settings("OpenAI")).IndexedAsync();

        var answer = await semantic.AskAsync(question);

        Assert.False(answer.Found);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task EmbeddingServerFailureLeavesTheLexicalAnswer()
    {
        const string Question = "How can diaspora groups raise emergency funds in a crisis?";
        using var lexical = new Library(_documents.Path).Indexed();
        var expected = await lexical.AskAsync(Question);
        _server.EmbeddingFault = ModelFault.Error;

        using var semantic = await new Library(_documents.Path, Settings("OpenAI")).IndexedAsync();
        var answer = await semantic.AskAsync(Question);

        AnswerAssert.Same(expected, answer);
    }
}
