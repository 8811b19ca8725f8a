using System.ComponentModel.DataAnnotations;

namespace CoalitionBot.Knowledge;

/// <summary>Settings of the document library and its search (section <c>Knowledge</c>).</summary>
public sealed class KnowledgeOptions
{
    /// <summary>
    /// Folders whose .txt, .md, .pdf, .docx and .html files are the library (each may hold a library.yaml). Default: <c>seeds</c>. (Empty here,
    /// because configuration binding appends to a list rather than replacing it.)
    /// </summary>
    public List<string> SourceFolders { get; set; } = [];

    /// <summary>Where the Lucene index lives. Default: <c>{DataPath}/index</c>.</summary>
    public string? IndexPath { get; set; }

    /// <summary>
    /// The glossary of terms and the other words people use for them. Default: the first
    /// <c>glossary.yaml</c> found in a source folder; none is fine.
    /// </summary>
    public string? GlossaryFile { get; set; }

    /// <summary>Longest question accepted, in characters. Default: 2,000.</summary>
    [Range(10, 100_000)]
    public int MaxQuestionLength { get; set; } = 2_000;

    /// <summary>Longest passage the splitter produces, in characters. Default: 1,000.</summary>
    [Range(200, 10_000)]
    public int MaxPassageLength { get; set; } = 1_000;

    /// <summary>Most citations in one answer. Default: 3.</summary>
    [Range(1, 20)]
    public int MaxCitations { get; set; } = 3;

    /// <summary>
    /// Share of the question's content words (weighted by rarity, synonyms count) that the best
    /// passage must cover before the bot answers; below it the bot says it does not know.
    /// Default: 0.55.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinCoverage { get; set; } = 0.55;

    /// <summary>Files larger than this many bytes are skipped with a warning. Default: 50 MB.</summary>
    [Range(1_024, long.MaxValue)]
    public long MaxDocumentBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Whether the running server watches the source folders and re-indexes what changed. Default: true.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>Quiet time after the last file change before re-indexing, so a copy in progress is read once, whole. Default: 2 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often the source folders are compared with the index even without a change event
    /// (watchers miss events on some file systems, network shares among them). Default: 30 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Passages that Lucene returns for re-ranking. Default: 20.</summary>
    [Range(1, 1_000)]
    public int Candidates { get; set; } = 20;

    internal IReadOnlyList<string> EffectiveSourceFolders => SourceFolders.Count > 0 ? SourceFolders : ["seeds"];
}
