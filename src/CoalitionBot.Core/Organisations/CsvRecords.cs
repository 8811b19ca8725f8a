using System.Text;

namespace CoalitionBot.Organisations;

/// <summary>One record of a CSV file with the line it starts on (a quoted field may span lines), or why it could not be read.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Problem = null);

/// <summary>Reads RFC 4180 CSV (commas, "quoted" fields with "" inside, CRLF or LF), keeping each record's line number for error messages.</summary>
internal static class CsvRecords
{
    public static IEnumerable<CsvRecord> Read(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;   // a byte-order mark from a spreadsheet's "CSV UTF-8"
        }
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (fields.Any(f => f.Trim().Length > 0))
                    {
                        yield return new CsvRecord(start, fields.ToList());
                    }
                    fields.Clear();
                    line++;
                    start = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (quoted)
        {
            yield return new CsvRecord(start, [], "a quoted field is never closed (a \" is missing).");
            yield break;
        }
        fields.Add(field.ToString());
        if (fields.Any(f => f.Trim().Length > 0))
        {
            yield return new CsvRecord(start, fields.ToList());
        }
    }
}
