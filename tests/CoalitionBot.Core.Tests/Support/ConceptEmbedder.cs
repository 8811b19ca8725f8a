using System.Globalization;
using System.Text;

namespace CoalitionBot.Tests.Support;

/// <summary>
/// A deterministic stand-in for a multilingual embedding model: each dimension is a concept, and
/// words of English, Spanish, French and Portuguese that name it count towards it. Words it does
/// not know count for nothing, so an unrelated text is orthogonal to everything.
/// </summary>
public static class ConceptEmbedder
{
    private static readonly string[][] Concepts =
    [
        ["diaspora", "diasporas"],
        ["abroad", "extranjero", "etranger", "exterior"],
        ["raise", "raises", "recaudar", "recaudan", "collecter", "collectent", "arrecadar", "arrecadam"],
        ["money", "funds", "dinero", "fondos", "argent", "fonds", "dinheiro", "fundos"],
        ["families", "family", "familias", "familles", "familia", "famille", "familias"],
        ["community", "communities", "comunidades", "communautes", "comunidad", "communaute"],
        ["crisis", "crise", "crises"],
        ["office", "oficina", "bureau", "escritorio"],
        ["evening", "noche", "soir", "noite"],
    ];

    private static readonly Dictionary<string, int> Index = Concepts
        .SelectMany((words, i) => words.Select(w => (w, i)))
        .DistinctBy(p => p.w)
        .ToDictionary(p => p.w, p => p.i);

    public static int Dimensions => Concepts.Length;

    public static float[] Embed(string text)
    {
        var vector = new float[Concepts.Length];
        var word = new StringBuilder();
        foreach (var c in Fold(text) + " ")
        {
            if (char.IsLetter(c))
            {
                word.Append(c);
                continue;
            }
            if (word.Length > 0 && Index.TryGetValue(word.ToString(), out var concept))
            {
                vector[concept]++;
            }
            word.Clear();
        }
        return vector;
    }

    /// <summary>Lower case without accents: "Diásporas" → "diasporas".</summary>
    private static string Fold(string text) =>
        new(text.ToLowerInvariant().Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
}
