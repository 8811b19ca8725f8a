using System.Globalization;
using System.Text;
using static CoalitionBot.Benchmarks.Corpus.SeedVocabulary;

namespace CoalitionBot.Benchmarks.Corpus;

/// <summary>
/// Sentences, headings, lead-ins and bullet items built from <see cref="SeedVocabulary"/> with
/// one seeded <see cref="Random"/>: the same seed gives the same text, call for call.
/// </summary>
internal sealed class SyntheticText
{
    private const int PlaceNames = 1_200;
    private const int OrganisationNames = 800;

    private readonly Random _random;
    private readonly string[] _placeNames;
    private readonly string[] _organisations;

    public SyntheticText(int seed)
    {
        _random = new Random(seed);
        _placeNames = Enumerable.Range(0, PlaceNames).Select(_ => Name()).ToArray();
        _organisations = Enumerable.Range(0, OrganisationNames).Select(_ => $"the {Name()} {Pick(OrganisationSuffixes)}").ToArray();
    }

    /// <summary>A number in [min, max).</summary>
    public int Next(int min, int max) => _random.Next(min, max);

    /// <summary>Picks with a skew to the front of the list (P(first k of n) = √(k/n)), so word frequencies fall off as in real text.</summary>
    public T Pick<T>(IReadOnlyList<T> items)
    {
        var r = _random.NextDouble();
        return items[(int)(r * r * items.Count)];
    }

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public string Place() => Chance(0.25) ? "in " + Pick(_placeNames) : Pick(Places);

    public string Organisation() => Pick(_organisations);

    /// <summary>About a third of the sentences are about the coalition's own business rather than its topic, as in the seeds.</summary>
    public string Sentence() => Chance(0.35) ? BusinessSentence() : TopicSentence();

    private string TopicSentence() => _random.Next(18) switch
    {
        0 => $"{Cap(Pick(Actors))} {Pick(Verbs).Base} {Pick(Objects)} {Place()}.",
        1 => $"{Cap(Pick(Actors))} can {Pick(Verbs).Base} {Pick(Objects)} {Pick(Purposes)}.",
        2 => $"The coalition {Pick(Verbs).Third} {Pick(Objects)} {Pick(Purposes)}.",
        3 => $"{Cap(Pick(Actors))} have access to {Pick(Groups)}, networks, pre-established relations of trust and a vested interest in {Pick(Objects)}.",
        4 => $"{Cap(Place())}, a coalition of {Pick(Actors)} formed a working group to advocate to {Pick(Governments)} on {Pick(Issues)}.",
        5 => $"Recommendations are shared via {Pick(Outputs)}, {Pick(Outputs)}, and {Pick(Outputs)}.",
        6 => $"{Cap(Pick(Groups))} face {Pick(Issues)} and {Pick(Issues)} {Place()}.",
        7 => $"Our strategy involves developing tools and activities that {Pick(Actors)} can use {Pick(Purposes)}.",
        8 => $"The resources identify what EU policies are relevant to {Pick(Groups)} and what measures are under development.",
        9 => $"{Cap(Pick(Actors))} are increasingly active in {Pick(Verbs).Gerund} {Pick(Objects)} {Place()}.",
        10 => $"In {2005 + _random.Next(20)}, {Organisation()} {Pick(Verbs).Past} {Pick(Objects)} for {Pick(Groups)} {Place()}.",
        11 => $"Around {Number(5, 80)} per cent of {Pick(Groups)} {Place()} rely on {Pick(Objects)} {Pick(Times)}.",
        12 => $"{Cap(Pick(Verbs).Gerund)} {Pick(Objects)} is a long-term process that needs {Pick(Actors)} and {Pick(Actors)}.",
        13 => $"It is recommended that {Pick(Governments)} {Pick(Verbs).Base} {Pick(Objects)} and {Pick(Verbs).Base} {Pick(Objects)}.",
        14 => $"We work collaboratively with {Pick(Actors)} {Pick(Purposes)} and to {Pick(Verbs).Base} {Pick(Objects)}.",
        15 => $"{Cap(Pick(Times))}, {Pick(Actors)} {Pick(Verbs).Base} {Pick(Objects)} so that {Pick(Groups)} are not left behind.",
        16 => $"The group has summarized key elements for {Pick(Governments)} to consider in addressing {Pick(Issues)} (e.g. {Pick(Objects)}).",
        _ => $"{Cap(Pick(Groups))} {Place()} need {Pick(Objects)}, {Pick(Objects)} and {Pick(Objects)}.",
    };

    private string BusinessSentence() => _random.Next(7) switch
    {
        0 => $"The {Pick(Events)} took place in {Pick(Months)} {2005 + _random.Next(20)} and brought together {Number(8, 200)} participants from {Number(2, 30)} countries.",
        1 => $"Participants discussed {Pick(Business)} and {Pick(Business)}, and agreed to meet again in {Pick(Months)}.",
        2 => $"{Cap(Pick(Business))} will be reviewed by {Pick(Business)} before the next {Pick(Events)}.",
        3 => $"Questions about {Pick(Business)} should be sent to the secretariat by the end of {Pick(Months)}.",
        4 => $"{Cap(Organisation())} hosted a {Pick(Events)} on {Pick(Business)}.",
        _ => Pick(SeedSentences),
    };

    public string Paragraph(int sentences)
    {
        var text = new StringBuilder();
        for (var i = 0; i < sentences; i++)
        {
            text.Append(i > 0 ? " " : "").Append(Sentence());
        }
        return text.ToString();
    }

    public string Title() => _random.Next(5) switch
    {
        0 => $"{Cap(Pick(Verbs).Gerund)} {Pick(Objects)} {Place()}",
        1 => $"Practices by Stakeholder {Number(1, 40)}",
        2 => $"{Cap(Pick(Actors))} and {Pick(Groups)}",
        3 => $"How can {Pick(Actors)} {Pick(Verbs).Base} {Pick(Groups)}?",
        _ => Pick(Headings),
    };

    /// <summary>Short, no closing punctuation: what the splitter recognises as a heading.</summary>
    public string Heading() => _random.Next(4) switch
    {
        0 or 1 => Pick(Headings),
        2 => $"{Cap(Pick(Verbs).Gerund)} {Pick(Groups)}",
        _ => $"{Cap(Pick(Actors))} engagement {Pick(Times)}",
    };

    public string LeadIn() => _random.Next(6) switch
    {
        0 => $"Actions {Pick(Actors)} can take to assist {Pick(Groups)} {Pick(Times)} include:",
        1 => $"The ways in which {Pick(Actors)} can be engaged in responses include:",
        2 => $"These NGOs advocate on several issues including:",
        3 => $"An advocacy module contains:",
        4 => $"The vision statement sets out how policymakers should respond to the situation and rights of {Pick(Groups)}, with the aim to:",
        _ => $"{Cap(Pick(Actors))} {Place()} can:",
    };

    public string BulletItem()
    {
        var item = _random.Next(5) switch
        {
            0 => $"{Cap(Pick(Verbs).Gerund)} {Pick(Objects)} {Place()}",
            1 => $"{Cap(Pick(Verbs).Base)} {Pick(Objects)} {Pick(Purposes)}",
            2 => $"{Cap(Pick(Verbs).Gerund)} {Pick(Objects)} for {Pick(Groups)}, as they can {Pick(Verbs).Base} {Pick(Objects)}",
            3 => $"{Cap(Pick(Business))} and {Pick(Business)}",
            _ => $"Work with {Pick(Actors)} {Place()} to identify {Pick(Issues)}",
        };
        return item + (_random.Next(3) switch { 0 => ";", 1 => ".", _ => "" });
    }

    /// <summary>A coalition and its members by name: the long tail of proper nouns.</summary>
    public string CaseStudy()
    {
        var members = Enumerable.Range(0, _random.Next(3, 12)).Select(_ => Organisation()).Distinct().ToList();
        return $"{Cap(Place())}, a coalition of NGOs formed a working group to advocate to {Pick(Governments)} on {Pick(Issues)}. "
            + $"The {members.Count.ToString(CultureInfo.InvariantCulture)} NGOs involved are: {string.Join(", ", members)}. "
            + Paragraph(_random.Next(1, 4));
    }

    public string MetadataLine() =>
        $"Support: {Pick(MetadataValues)} Capital: {Pick(MetadataValues)} Implementer: {Pick(MetadataValues)} Funder: {Pick(MetadataValues)}";

    public string ExampleLine() => Pick(ExampleLines);

    private string Number(int min, int max) => _random.Next(min, max).ToString(CultureInfo.InvariantCulture);

    private string Name()
    {
        var name = string.Concat(Enumerable.Range(0, 2 + _random.Next(2)).Select(_ => Syllables[_random.Next(Syllables.Length)]));
        return Cap(name);
    }

    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
