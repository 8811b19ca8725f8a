using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Knowledge;

public sealed class KnowledgeIndexTests
{
    [Fact]
    public void FirstUpdateIndexesEveryDocument()
    {
        using var seeds = TempFolder.WithSeeds();
        using var library = new Library(seeds.Path);

        var update = library.Index.Update();

        Assert.Equal(5, update.Added);
        Assert.Equal(5, update.Documents);
        Assert.True(update.Passages >= 25, $"{update.Passages} passages");
        Assert.Equal(update.Passages, library.Index.Stats.Passages);
        Assert.True(library.Index.IsReady);
    }

    [Fact]
    public void UnchangedDocumentsAreNotIndexedAgain()
    {
        using var seeds = TempFolder.WithSeeds();
        using var library = new Library(seeds.Path);
        library.Index.Update();

        var second = library.Index.Update();

        Assert.Equal(5, second.Unchanged);
        Assert.Empty(second.Indexed);
    }

    [Fact]
    public void UnchangedDocumentsAreNotIndexedAgainByTheNextProcess()
    {
        using var seeds = TempFolder.WithSeeds();
        using var data = new TempFolder();
        using (var first = new Library(seeds.Path, dataPath: data.Path))
        {
            first.Index.Update();
        }
        using var second = new Library(seeds.Path, dataPath: data.Path);

        var update = second.Index.Update();

        Assert.Equal(5, update.Unchanged);
        Assert.Empty(update.Indexed);
    }

    [Fact]
    public async Task ChangedDocumentIsTheOnlyOneIndexedAgain()
    {
        using var seeds = TempFolder.WithSeeds();
        using var library = new Library(seeds.Path).Indexed();
        File.AppendAllText(Path.Combine(seeds.Path, "002_038f4e2054573c77.txt"),
            "\n\nWeekly vigils\n\nEvery Thursday members hold a candlelight vigil outside the parliament to remember migrants who died at sea.\n");

        var update = library.Index.Update();

        Assert.Equal(["002_038f4e2054573c77.txt"], update.Indexed);
        Assert.Equal(1, update.Changed);
        Assert.Equal(4, update.Unchanged);
        var answer = await library.AskAsync("When are the candlelight vigils held?");
        Assert.True(answer.Found);
        Assert.Equal("Weekly vigils", answer.Citations[0].Section);
    }

    [Fact]
    public async Task DeletedDocumentLeavesTheIndex()
    {
        using var seeds = TempFolder.WithSeeds();
        using var library = new Library(seeds.Path).Indexed();
        File.Delete(Path.Combine(seeds.Path, "004_949f98561308b498.txt"));

        var update = library.Index.Update();

        Assert.Equal(1, update.Removed);
        Assert.Equal(4, update.Documents);
        var answer = await library.AskAsync("What can diaspora groups do in a crisis?");
        Assert.DoesNotContain(answer.Citations, c => c.Document == "004_949f98561308b498.txt");
    }

    [Fact]
    public void RebuildIndexesEverythingAgain()
    {
        using var seeds = TempFolder.WithSeeds();
        using var library = new Library(seeds.Path).Indexed();
        var passages = library.Index.Stats.Passages;

        var update = library.Index.Update(rebuild: true);

        Assert.Equal(5, update.Added);
        Assert.Equal(passages, update.Passages);
    }

    [Fact]
    public void UnreadableFilesAreSkippedAndTheRestIndexed()
    {
        using var seeds = TempFolder.WithSeeds();
        seeds.File("scan.txt", [0x25, 0x50, 0x44, 0x46, 0x00, 0xFF, 0xFE]);
        seeds.File("empty.txt", "");
        using var library = new Library(seeds.Path);

        var update = library.Index.Update();

        // An empty file has nothing to cite: skipped like the binary one, with its own reason.
        Assert.Equal(2, update.Skipped);
        Assert.Equal(5, update.Documents);
    }

    [Fact]
    public void LargeDocumentIsIndexedInShortPassages()
    {
        using var folder = new TempFolder();
        var paragraph = "Humanitarian actors and diaspora organisations coordinate assistance for migrants in transit. ";
        var body = string.Join("\n\n", Enumerable.Range(0, 4_000).Select(i => $"Section {i}\n\n" + string.Concat(Enumerable.Repeat(paragraph, 8))));
        folder.File("large.txt", "Large handbook\n\n" + body);
        using var library = new Library(folder.Path);

        var update = library.Index.Update();

        Assert.True(new FileInfo(Path.Combine(folder.Path, "large.txt")).Length > 3_000_000);
        Assert.Equal(1, update.Documents);
        Assert.True(update.Passages >= 4_000, $"{update.Passages} passages");
    }

    [Fact]
    public async Task TwoDataFoldersDoNotInterfere()
    {
        using var seeds = TempFolder.WithSeeds();
        using var other = new TempFolder();
        other.File("bake-sale.txt", "Bake sale\n\nFundraising\n\nThe bake sale raises money for the legal aid fund every spring.\n");
        using var first = new Library(seeds.Path).Indexed();
        using var second = new Library(other.Path).Indexed();

        Assert.Equal(5, first.Index.Stats.Documents);
        Assert.Equal(1, second.Index.Stats.Documents);
        Assert.False((await first.AskAsync("When is the bake sale?")).Found);
        Assert.True((await second.AskAsync("When is the bake sale?")).Found);
    }
}
