using System.Text;

namespace CoalitionBot.Organisations;

/// <summary>
/// How a typed organisation name is matched to the directory: "Médecins du Monde", "medecins-du-monde" and
/// "MEDECINS DU MONDE." are one organisation. Case, spacing, punctuation and accents do not count; "&amp;" is "and".
/// </summary>
public static class OrganisationNames
{
    /// <summary>Longest organisation name, in characters (the sign-on form allows the same).</summary>
    public const int MaxName = 200;

    public static string Key(string? name)
    {
        var key = new StringBuilder();
        foreach (var c in (name ?? "").Normalize(NormalizationForm.FormKD))
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
            else if (c == '&')
            {
                key.Append("and");
            }
            // Anything else is left out: spaces, punctuation, and the accents that decomposition split off (marks are not letters).
        }
        return key.ToString();
    }

    /// <summary>The name as stored: trimmed, inner runs of white space made one space.</summary>
    public static string Tidy(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
