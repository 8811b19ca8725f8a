using CoalitionBot.AI;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Tests.AI;

public sealed class AIOptionsTests
{
    [Fact]
    public void UnknownProviderSaysWhichOnesExist()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<InvalidOperationException>(() => new Library(folder.Path, new Dictionary<string, string?> { ["AI:Provider"] = "Olama" }));

        Assert.Contains("None, OpenAI", error.Message);
    }

    [Fact]
    public void ProviderWithoutAnyModelIsAConfigurationError()
    {
        using var folder = new TempFolder();
        using var library = new Library(folder.Path, new Dictionary<string, string?> { ["AI:Provider"] = "Ollama" });

        var error = Assert.Throws<OptionsValidationException>(() => library.Services.GetRequiredService<IOptions<AIOptions>>().Value);

        Assert.Contains("AI:ChatModel", error.Message);
    }

    [Fact]
    public void DefaultsAreDocumented()
    {
        var options = new AIOptions();

        Assert.Equal(AIProvider.None, options.Provider);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Timeout);
        Assert.Null(options.MinSimilarity);
        Assert.Null(options.Embeddings);
        Assert.Equal(EmbeddingSource.Local, options.EffectiveEmbeddings);
        Assert.Equal(AIOptions.LocalMinSimilarity, options.EffectiveMinSimilarity);
    }
}
