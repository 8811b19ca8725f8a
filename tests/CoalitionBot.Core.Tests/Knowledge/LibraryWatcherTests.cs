using CoalitionBot.Knowledge;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoalitionBot.Tests.Knowledge;

public sealed class LibraryWatcherTests
{
    /// <summary>
    /// The one test with a real FileSystemWatcher: a document copied into the folder is found and
    /// answerable, and the old index answers until then. Bounded: it waits for the watcher's
    /// update event, at most 20 seconds, never a fixed sleep.
    /// </summary>
    [Fact]
    public async Task DocumentCopiedIntoTheFolderIsIndexedWhileRunningAndLeavesWhenDeleted()
    {
        using var seeds = TempFolder.WithSeeds();
        using var library = new Library(seeds.Path, new Dictionary<string, string?>
        {
            ["Knowledge:WatchDebounce"] = "00:00:00.200",
            ["Knowledge:RescanInterval"] = "00:10:00",
        }, services: s => s.AddSingleton<LibraryWatcher>());
        library.Indexed();
        var watcher = library.Services.GetRequiredService<LibraryWatcher>();
        await watcher.StartAsync(CancellationToken.None);
        try
        {
            await watcher.Watching.WaitAsync(TimeSpan.FromSeconds(20));
            const string question = "How do member organisations report on the winter shelter programme?";
            Assert.False((await library.AskAsync(question)).Found);

            var added = NextUpdate(watcher);
            var path = Path.Combine(seeds.Path, "shelter.docx");
            await File.WriteAllBytesAsync(path, DocumentFiles.Docx("Winter shelter programme",
            [
                DocBlock.H("Winter shelter programme"),
                DocBlock.P("Member organisations report on the winter shelter programme every month, with the number of nights offered and the families turned away."),
            ]));
            var update = await added.WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(["shelter.docx"], update.Indexed);
            var answer = await library.AskAsync(question);
            Assert.Equal("shelter.docx", answer.Citations[0].Document);

            var removed = NextUpdate(watcher);
            File.Delete(path);
            Assert.Equal(1, (await removed.WaitAsync(TimeSpan.FromSeconds(20))).Removed);
            Assert.False((await library.AskAsync(question)).Found);
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }

    private static Task<IndexUpdate> NextUpdate(LibraryWatcher watcher)
    {
        var next = new TaskCompletionSource<IndexUpdate>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnUpdated(IndexUpdate update)
        {
            watcher.Updated -= OnUpdated;
            next.TrySetResult(update);
        }
        watcher.Updated += OnUpdated;
        return next.Task;
    }
}
