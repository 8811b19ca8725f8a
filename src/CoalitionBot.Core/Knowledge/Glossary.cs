using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CoalitionBot.Knowledge;

/// <summary>
/// The editable glossary (seeds/glossary.yaml): terms, definitions and the other words people
/// use for them. Search uses it at query time, so that a question in other words than the
/// documents' still finds them; it is data, so a coalition extends it without code.
/// </summary>
public sealed class Glossary
{
    public static Glossary Empty { get; } = new([], "");

    private Glossary(IReadOnlyList<GlossaryEntry> entries, string source)
    {
        Entries = entries;
        Source = source;
    }

    public IReadOnlyList<GlossaryEntry> Entries { get; }

    /// <summary>The file it was read from, or empty.</summary>
    public string Source { get; }

    /// <summary>Reads a glossary file; a malformed one throws with the file and line, because search quietly degrading is worse than a clear start-up error.</summary>
    public static Glossary Load(string path)
    {
        var yaml = File.ReadAllText(path);
        GlossaryFile? file;
        try
        {
            file = new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .Build()
                .Deserialize<GlossaryFile?>(yaml);
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new InvalidDataException($"{path}({e.Start.Line},{e.Start.Column}): the glossary is not valid: {reason}", e);
        }
        var entries = new List<GlossaryEntry>();
        foreach (var (term, index) in (file?.Terms ?? []).Select((t, i) => (t, i)))
        {
            if (string.IsNullOrWhiteSpace(term.Term))
            {
                throw new InvalidDataException($"{path}: entry {index + 1} of 'terms' has no 'term'.");
            }
            var aka = (term.Aka ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList();
            entries.Add(new GlossaryEntry(term.Term.Trim(), term.Definition?.Trim(), aka));
        }
        return new Glossary(entries, path);
    }

    internal sealed class GlossaryFile
    {
        public List<TermEntry>? Terms { get; set; }
    }

    internal sealed class TermEntry
    {
        public string? Term { get; set; }
        public string? Definition { get; set; }
        public List<string>? Aka { get; set; }
    }
}
