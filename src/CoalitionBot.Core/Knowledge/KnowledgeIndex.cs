using System.Diagnostics;
using CoalitionBot.Storage;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace CoalitionBot.Knowledge;

/// <summary>
/// The Lucene index on disk (default data/index). Updates are incremental by content hash; the
/// searcher is opened once and refreshed after each update, never per question. The writer is
/// held only while updating, so a second process on the same data folder can still read.
/// </summary>
public sealed partial class KnowledgeIndex : IDisposable
{
    private readonly DocumentReader _reader;
    private readonly PassageSplitter _splitter;
    private readonly CoalitionAnalyzer _analyzer;
    private readonly ILogger<KnowledgeIndex> _logger;
    private readonly FSDirectory _directory;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _updating = new(1, 1);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SearcherManager? _searchers;
    private IndexStats _stats;

    public KnowledgeIndex(
        IOptions<KnowledgeOptions> options,
        IOptions<StorageOptions> storage,
        DocumentReader reader,
        PassageSplitter splitter,
        CoalitionAnalyzer analyzer,
        ILogger<KnowledgeIndex> logger,
        TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _reader = reader;
        _splitter = splitter;
        _analyzer = analyzer;
        _logger = logger;
        IndexPath = Path.GetFullPath(options.Value.IndexPath ?? Path.Combine(storage.Value.DataPath, "index"));
        System.IO.Directory.CreateDirectory(IndexPath);
        _directory = FSDirectory.Open(IndexPath);
    }

    public string IndexPath { get; }

    /// <summary>True once the first update has finished (or failed for lack of the write lock, with an index to read).</summary>
    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    public IndexStats Stats => _stats;

    public Task WhenReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    /// <summary>Brings the index up to date with the source folders; <paramref name="rebuild"/> starts over.</summary>
    public IndexUpdate Update(bool rebuild = false, Action<IndexProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        _updating.Wait(cancellationToken);
        try
        {
            var update = UpdateLocked(rebuild, progress, cancellationToken);
            Refresh();
            update = update with { Documents = _stats.Documents, Passages = _stats.Passages };
            _ready.TrySetResult();
            Log.Updated(_logger, update.Added, update.Changed, update.Unchanged, update.Removed, update.Skipped, update.Passages, update.Took.TotalMilliseconds);
            return update;
        }
        catch (LockObtainFailedException)
        {
            Log.LockedByAnotherProcess(_logger, IndexPath);
            Refresh();
            _ready.TrySetResult();
            return new IndexUpdate(0, 0, _stats.Documents, 0, 0, _stats.Documents, _stats.Passages, TimeSpan.Zero);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Callers waiting for readiness must see the failure rather than wait forever.
            _ready.TrySetException(e);
            throw;
        }
        finally
        {
            _updating.Release();
        }
    }

    private IndexUpdate UpdateLocked(bool rebuild, Action<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var files = _reader.ListDocuments();
        var fresh = rebuild || !HasCurrentSchema();
        var known = fresh ? [] : ReadRecords();
        IndexWriter? writer = null;
        // The writer is opened on the first real change: a rescan that finds nothing new neither
        // takes the write lock nor commits, and the searchers keep the index as it is.
        IndexWriter Writer()
        {
            if (writer is null)
            {
                writer = new IndexWriter(_directory, new IndexWriterConfig(CoalitionAnalyzer.Version, _analyzer)
                {
                    OpenMode = OpenMode.CREATE_OR_APPEND,
                    Similarity = new BM25Similarity(),
                    RAMBufferSizeMB = 64,
                    WriteLockTimeout = 2_000,
                });
                if (fresh)
                {
                    writer.DeleteAll();
                }
            }
            return writer;
        }

        try
        {
            int added = 0, changed = 0, unchanged = 0, skipped = 0;
            var indexed = new List<string>();
            for (var i = 0; i < files.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var file = files[i];
                var wasKnown = known.Remove(file.Id, out var record);
                // Same size, time and library.yaml entry as when indexed: not even read.
                if (wasKnown && record.Stamp == _reader.Stamp(file))
                {
                    unchanged++;
                }
                else if (_reader.Read(file) is not { } document)
                {
                    skipped++;
                    if (wasKnown)
                    {
                        // Indexed before, unreadable now: it leaves the index until it can be read again.
                        Writer().DeleteDocuments(new Term(IndexFields.Document, file.Id));
                    }
                }
                else
                {
                    if (!wasKnown)
                    {
                        added++;
                    }
                    else if (record.Hash == document.Hash)
                    {
                        unchanged++;
                    }
                    else
                    {
                        changed++;
                    }
                    Writer().DeleteDocuments(new Term(IndexFields.Document, file.Id));
                    AddDocument(Writer(), document);
                    if (!wasKnown || record.Hash != document.Hash)
                    {
                        indexed.Add(file.Id);
                    }
                }
                if ((i + 1) % 100 == 0 || i + 1 == files.Count)
                {
                    progress?.Invoke(new IndexProgress(i + 1, files.Count, skipped));
                }
            }
            // Whatever is left was deleted from disk.
            foreach (var id in known.Keys)
            {
                Writer().DeleteDocuments(new Term(IndexFields.Document, id));
            }
            if (fresh)
            {
                Writer();
            }
            if (writer is not null)
            {
                writer.SetCommitData(new Dictionary<string, string>
                {
                    [IndexFields.SchemaKey] = IndexFields.SchemaVersion,
                    [IndexFields.ChangedKey] = _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                });
                writer.Commit();
            }
            return new IndexUpdate(added, changed, unchanged, known.Count, skipped, 0, 0, clock.Elapsed) { Indexed = indexed };
        }
        finally
        {
            writer?.Dispose();
        }
    }

    private void AddDocument(IndexWriter writer, SourceDocument document)
    {
        var passages = _splitter.Split(document);
        var outline = Outline(passages);
        foreach (var passage in passages)
        {
            var fields = new List<IIndexableField>
            {
                new StringField(IndexFields.Kind, IndexFields.PassageKind, Field.Store.NO),
                new StringField(IndexFields.Document, passage.Document, Field.Store.YES),
                new TextField(IndexFields.Title, passage.Title, Field.Store.YES),
                new TextField(IndexFields.Section, passage.Section, Field.Store.YES),
                new TextField(IndexFields.Text, passage.Text, Field.Store.YES),
                new StoredField(IndexFields.Ordinal, passage.Ordinal),
                new StoredField(IndexFields.Start, passage.Start),
                new StoredField(IndexFields.End, passage.End),
                new StoredField(IndexFields.Updated, passage.LastUpdated.UtcTicks),
                new StoredField(IndexFields.Outline, outline),
                new StoredField(IndexFields.Format, passage.Format),
                new StringField(IndexFields.Collection, passage.Collection, Field.Store.YES),
            };
            if (passage.Page is { } page)
            {
                fields.Add(new StoredField(IndexFields.Page, page));
            }
            if (passage.Url is { } url)
            {
                fields.Add(new StoredField(IndexFields.Url, url));
            }
            if (passage.Updated is { } updated)
            {
                fields.Add(new StoredField(IndexFields.DocumentDate, updated.UtcTicks));
            }
            writer.AddDocument(fields);
        }
        var record = new List<IIndexableField>
        {
            new StringField(IndexFields.Kind, IndexFields.DocumentKind, Field.Store.NO),
            new StringField(IndexFields.Document, document.Id, Field.Store.YES),
            new StringField(IndexFields.Hash, document.Hash, Field.Store.YES),
            new StoredField(IndexFields.Stamp, document.Stamp),
            new StoredField(IndexFields.PassageCount, passages.Count),
            new StoredField(IndexFields.Format, document.Format),
            new StoredField(IndexFields.Title, passages.Count > 0 ? passages[0].Title : document.Title ?? PassageSplitter.TitleOf(document.Text, document.Id)),
            new StringField(IndexFields.Collection, document.Collection, Field.Store.YES),
            new StoredField(IndexFields.Pages, document.PageStarts.Count),
            new StoredField(IndexFields.Indexed, _time.GetUtcNow().UtcTicks),
            new StoredField(IndexFields.Updated, (document.Date ?? document.LastUpdated).UtcTicks),
        };
        if (document.Url is { } documentUrl)
        {
            record.Add(new StoredField(IndexFields.Url, documentUrl));
        }
        writer.AddDocument(record);
    }

    private const int MaxOutlineLength = 2_000;

    private static string Outline(IReadOnlyList<Passage> passages)
    {
        var outline = string.Join('\n', passages.Select(p => p.Section).Distinct(StringComparer.Ordinal));
        return outline.Length <= MaxOutlineLength ? outline : outline[..MaxOutlineLength];
    }

    private bool HasCurrentSchema()
    {
        if (!DirectoryReader.IndexExists(_directory))
        {
            return false;
        }
        using var reader = DirectoryReader.Open(_directory);
        return reader.IndexCommit.UserData.TryGetValue(IndexFields.SchemaKey, out var version) && version == IndexFields.SchemaVersion;
    }

    private Dictionary<string, (string Hash, string? Stamp)> ReadRecords()
    {
        using var reader = DirectoryReader.Open(_directory);
        var searcher = new IndexSearcher(reader);
        var fields = new HashSet<string> { IndexFields.Document, IndexFields.Hash, IndexFields.Stamp };
        var hits = searcher.Search(new TermQuery(new Term(IndexFields.Kind, IndexFields.DocumentKind)), Math.Max(1, reader.MaxDoc));
        return hits.ScoreDocs
            .Select(hit => searcher.Doc(hit.Doc, fields))
            .ToDictionary(d => d.Get(IndexFields.Document), d => (d.Get(IndexFields.Hash), (string?)d.Get(IndexFields.Stamp)), StringComparer.Ordinal);
    }

    /// <summary>The indexed documents, by id: what the CLI's <c>library</c> lists.</summary>
    /// <summary>The collections the indexed documents belong to (any case matches: "EU-Advocacy" is "eu-advocacy").</summary>
    public IReadOnlySet<string> Collections() => Documents().Select(d => d.Collection).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<LibraryDocument> Documents() => Read(searcher =>
    {
        var hits = searcher.Search(new TermQuery(new Term(IndexFields.Kind, IndexFields.DocumentKind)), Math.Max(1, searcher.IndexReader.MaxDoc));
        return hits.ScoreDocs
            .Select(hit => searcher.Doc(hit.Doc))
            .Select(d => new LibraryDocument(
                d.Get(IndexFields.Document),
                d.Get(IndexFields.Title) ?? d.Get(IndexFields.Document),
                d.Get(IndexFields.Format) ?? "txt",
                d.GetField(IndexFields.Pages)?.GetInt32Value() ?? 0,
                d.GetField(IndexFields.PassageCount)?.GetInt32Value() ?? 0,
                d.Get(IndexFields.Collection) ?? SourceDocument.DefaultCollection,
                d.Get(IndexFields.Url),
                Ticks(d.GetField(IndexFields.Updated)?.GetInt64Value()),
                Ticks(d.GetField(IndexFields.Indexed)?.GetInt64Value())))
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
    });

    private static DateTimeOffset? Ticks(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    private void Refresh()
    {
        if (_searchers is null)
        {
            if (!DirectoryReader.IndexExists(_directory))
            {
                return;
            }
            _searchers = new SearcherManager(_directory, new Bm25SearcherFactory());
        }
        else
        {
            _searchers.MaybeRefreshBlocking();
        }
        _stats = Read(searcher => new IndexStats(
            Count(searcher, IndexFields.DocumentKind),
            Count(searcher, IndexFields.PassageKind))
        {
            LastChanged = ((DirectoryReader)searcher.IndexReader).IndexCommit.UserData.TryGetValue(IndexFields.ChangedKey, out var changed)
                && DateTimeOffset.TryParse(changed, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at)
                    ? at
                    : null,
        });
    }

    private static int Count(IndexSearcher searcher, string kind)
    {
        var collector = new TotalHitCountCollector();
        searcher.Search(new TermQuery(new Term(IndexFields.Kind, kind)), collector);
        return collector.TotalHits;
    }

    /// <summary>Runs <paramref name="work"/> on the current searcher; one consistent snapshot for the whole call.</summary>
    internal T Read<T>(Func<IndexSearcher, T> work)
    {
        if (_searchers is null)
        {
            throw new InvalidOperationException($"The index at '{IndexPath}' has not been built yet: run 'index' or start the server.");
        }
        var searcher = _searchers.Acquire();
        try
        {
            return work(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Changes whenever an update changed the index: what derived data (embeddings) is kept current against.</summary>
    internal long Version => Read(searcher => ((DirectoryReader)searcher.IndexReader).Version);

    /// <summary>Every passage of the index, in index order.</summary>
    internal IReadOnlyList<Passage> AllPassages() => Read(searcher =>
    {
        var hits = searcher.Search(new TermQuery(new Term(IndexFields.Kind, IndexFields.PassageKind)), Math.Max(1, searcher.IndexReader.MaxDoc));
        return hits.ScoreDocs.OrderBy(hit => hit.Doc).Select(hit => ToPassage(searcher.Doc(hit.Doc))).ToList();
    });

    internal static Passage ToPassage(LuceneDocument stored) => new(
        stored.Get(IndexFields.Document),
        stored.GetField(IndexFields.Ordinal).GetInt32Value() ?? 0,
        stored.Get(IndexFields.Title),
        stored.Get(IndexFields.Section),
        stored.Get(IndexFields.Text),
        stored.GetField(IndexFields.Start).GetInt32Value() ?? 0,
        stored.GetField(IndexFields.End).GetInt32Value() ?? 0,
        new DateTimeOffset(stored.GetField(IndexFields.Updated).GetInt64Value() ?? 0, TimeSpan.Zero))
    {
        Page = stored.GetField(IndexFields.Page)?.GetInt32Value(),
        Url = stored.Get(IndexFields.Url),
        Updated = Ticks(stored.GetField(IndexFields.DocumentDate)?.GetInt64Value()),
        Format = stored.Get(IndexFields.Format) ?? "txt",
        Collection = stored.Get(IndexFields.Collection) ?? SourceDocument.DefaultCollection,
    };

    public void Dispose()
    {
        _searchers?.Dispose();
        _directory.Dispose();
        _updating.Dispose();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "Index updated: {Added} added, {Changed} changed, {Unchanged} unchanged, {Removed} removed, {Skipped} skipped; {Passages} passages in {Milliseconds:F0} ms")]
        public static partial void Updated(ILogger logger, int added, int changed, int unchanged, int removed, int skipped, int passages, double milliseconds);

        [LoggerMessage(LogLevel.Warning, "Another process is updating the index at {IndexPath}; searching it as it is")]
        public static partial void LockedByAnotherProcess(ILogger logger, string indexPath);
    }
}
