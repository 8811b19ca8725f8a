namespace CoalitionBot.Knowledge;

/// <summary>
/// Field names of the Lucene index. Each passage is one Lucene document; each source file also
/// has one "document" record holding its content hash, which is what makes updates incremental.
/// Only passages have the searchable text fields, so a search never returns a file record.
/// </summary>
internal static class IndexFields
{
    public const string Kind = "kind";
    public const string PassageKind = "passage";
    public const string DocumentKind = "document";
    public const string Document = "doc";
    public const string Hash = "hash";
    public const string Title = "title";
    public const string Section = "section";
    public const string Text = "text";
    public const string Ordinal = "ordinal";
    public const string Start = "start";
    public const string End = "end";
    public const string Updated = "updated";
    public const string PassageCount = "passages";
    public const string Stamp = "stamp";
    public const string Format = "format";
    public const string Collection = "collection";
    public const string Page = "page";
    public const string Pages = "pages";
    public const string Url = "url";
    public const string DocumentDate = "docdate";
    public const string Indexed = "indexed";

    /// <summary>Commit user data key: when the index last changed (ISO 8601, UTC).</summary>
    public const string ChangedKey = "coalitionbot.changed";

    /// <summary>The headings of the passage's whole document: a question may name the context ("… in the change strategy") rather than the passage's own words.</summary>
    public const string Outline = "outline";

    /// <summary>Commit user data key; a change of how documents are split or analysed bumps it and forces a rebuild.</summary>
    public const string SchemaKey = "coalitionbot.schema";
    public const string SchemaVersion = "7";
}
