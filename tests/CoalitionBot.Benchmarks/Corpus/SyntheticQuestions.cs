using static CoalitionBot.Benchmarks.Corpus.SeedVocabulary;

namespace CoalitionBot.Benchmarks.Corpus;

/// <summary>
/// Questions in the corpus's own vocabulary (which the library should answer) mixed with
/// off-topic ones and on-topic words around an off-topic object (which it should not): the
/// not-found path ranks too and then builds suggestions, so its latency matters as much.
/// </summary>
internal sealed class SyntheticQuestions(int seed = SyntheticCorpus.DefaultSeed)
{
    /// <summary>The handful the answer benchmark reports one by one.</summary>
    public static readonly string[] Realistic =
    [
        "What can diaspora groups do in a crisis?",
        "How can civil society assist migrants during a crisis?",
        "How can remittances support community development?",
        "What do NGOs recommend on the protection of unaccompanied children at European level?",
        "How do coalitions influence policy change?",
        "What is the best recipe for sourdough bread?",
    ];

    private static readonly string[] OffTopicObjects =
    [
        "the office printer", "my wifi router", "a sourdough starter", "the quarterly tax return", "a mountain bike",
        "the football league table", "a vegetable garden", "the parking permit", "a telescope", "my mortgage",
        "the spreadsheet macros", "a wedding cake", "the volcano eruption forecast", "a guitar amplifier",
    ];

    private static readonly string[] OffTopicVerbs = ["repair", "reset", "bake", "install", "renew", "tune", "configure", "paint"];

    private static readonly string[] OffTopic =
    [
        "What is the boiling point of mercury?", "Who won the chess olympiad in 1998?", "When does the ski season start in Austria?",
        "How many calories are in a banana?", "Which planet has the most moons?", "What time does the swimming pool open?",
        "How do I convert a PDF to a spreadsheet?", "What is the capital of Australia?", "Is quantum computing faster than GPUs?",
    ];

    /// <summary><paramref name="count"/> questions, <paramref name="answerableShare"/> of them in the library's vocabulary.</summary>
    public IReadOnlyList<string> Take(int count, double answerableShare = 0.7)
    {
        var text = new SyntheticText(seed + 1);
        var questions = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            questions.Add(text.Chance(answerableShare) ? Answerable(text) : Unanswerable(text));
        }
        return questions;
    }

    private static string Answerable(SyntheticText text) => text.Next(0, 9) switch
    {
        0 => $"What can {text.Pick(Actors)} do {text.Pick(Times)}?",
        1 => $"How can {text.Pick(Actors)} {text.Pick(Verbs).Base} {text.Pick(Objects)}?",
        2 => $"How do {text.Pick(Actors)} support {text.Pick(Groups)} {text.Place()}?",
        3 => $"Why should {text.Pick(Governments)} {text.Pick(Verbs).Base} {text.Pick(Objects)}?",
        4 => $"What does the coalition recommend on {text.Pick(Issues)}?",
        5 => $"Who can help {text.Pick(Groups)} with {text.Pick(Objects)}?",
        6 => $"How are {text.Pick(Groups)} affected by {text.Pick(Issues)}?",
        7 => $"What is the role of {text.Pick(Actors)} in {text.Pick(Verbs).Gerund} {text.Pick(Objects)}?",
        // People also type keywords rather than sentences.
        _ => $"{text.Pick(Objects)} for {text.Pick(Groups)}",
    };

    private static string Unanswerable(SyntheticText text) => text.Next(0, 3) switch
    {
        0 => text.Pick(OffTopic),
        1 => $"How do I {text.Pick(OffTopicVerbs)} {text.Pick(OffTopicObjects)}?",
        _ => $"Can {text.Pick(Actors)} {text.Pick(OffTopicVerbs)} {text.Pick(OffTopicObjects)}?",
    };
}
