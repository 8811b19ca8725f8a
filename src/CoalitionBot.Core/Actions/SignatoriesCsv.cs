using System.Globalization;
using System.Text;

namespace CoalitionBot.Actions;

/// <summary>The signatory list as CSV (RFC 4180 quoting), as a sign-on letter lists its signers.</summary>
internal static class SignatoriesCsv
{
    /// <param name="organisationOf">The organisation a signer counts for (the directory's name when it knows them).</param>
    public static string Write(IEnumerable<ActionResponse> signed, Func<ActionResponse, string?> organisationOf)
    {
        var csv = new StringBuilder("organisation,signer name,title,platform,answered at (UTC)\r\n");
        foreach (var r in signed.OrderBy(r => organisationOf(r) ?? r.UserId, StringComparer.OrdinalIgnoreCase))
        {
            csv.AppendJoin(',', new[]
            {
                organisationOf(r) ?? "", r.SignerName ?? r.UserId, r.SignerTitle ?? "", r.Platform,
                r.AnsweredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            }.Select(Field)).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>The signatories as a letter lists them: "Organisation (Country)", one a line, sorted.</summary>
    public static string Text(IEnumerable<(string Name, string? Country)> organisations) =>
        string.Join("\n", organisations.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).Select(o => o.Country is { Length: > 0 } country ? $"{o.Name} ({country})" : o.Name));

    // A leading = + - @ would make a spreadsheet run a formula: such fields get a leading apostrophe.
    internal static string Field(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0]))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
