using System.Globalization;
using System.Text;

namespace CoalitionBot.Actions;

/// <summary>The signatory list as CSV (RFC 4180 quoting), as a sign-on letter lists its signers.</summary>
internal static class SignatoriesCsv
{
    public static string Write(IEnumerable<ActionResponse> signed)
    {
        var csv = new StringBuilder("organisation,signer name,title,platform,answered at (UTC)\r\n");
        foreach (var r in signed.OrderBy(r => r.Organisation ?? r.UserId, StringComparer.OrdinalIgnoreCase))
        {
            csv.AppendJoin(',', new[]
            {
                r.Organisation ?? "", r.SignerName ?? r.UserId, r.SignerTitle ?? "", r.Platform,
                r.AnsweredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            }.Select(Field)).Append("\r\n");
        }
        return csv.ToString();
    }

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
