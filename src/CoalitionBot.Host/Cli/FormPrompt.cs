using CoalitionBot.Conversation;

namespace CoalitionBot.Host.Cli;

/// <summary>A <see cref="Form"/> in the terminal: each field asked in turn, Enter keeps what is shown in brackets, "cancel" leaves.</summary>
internal static class FormPrompt
{
    public static async Task<(Dictionary<string, string?> Values, bool Back)?> FillAsync(CliConsole console, Form form, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string?>();
        if (form.BackLabel is { } back)
        {
            await console.Out.WriteLineAsync($"Enter to {form.SubmitLabel.ToLowerInvariant()}, “{back.ToLowerInvariant()}” to change it, “cancel” to leave.");
            var answer = (await console.In.ReadLineAsync(cancellationToken))?.Trim();
            return answer is null || answer.Equals("cancel", StringComparison.OrdinalIgnoreCase) ? null
                : (values, answer.Equals(back, StringComparison.OrdinalIgnoreCase));
        }
        foreach (var field in form.Fields)
        {
            if (field.Error is { } error)
            {
                await console.Out.WriteLineAsync($"  ! {error}");
            }
            if (field.Kind == FieldKind.Conversations)
            {
                values[field.Name] = field.Value;
                continue;
            }
            var shown = field.Kind == FieldKind.Choice ? $" ({string.Join(", ", field.Choices.Select(c => c.Value))})"
                : field.Kind == FieldKind.Toggle ? " (yes/no)" : "";
            var current = field.Kind == FieldKind.Toggle ? (field.Value == "true" ? "yes" : "no") : field.Value;
            await console.Out.WriteAsync($"{field.Label}{shown}{(string.IsNullOrEmpty(current) ? "" : $" [{current}]")}{(field.Optional ? " (optional)" : "")}: ");
            var line = await console.In.ReadLineAsync(cancellationToken);
            if (line is null || line.Trim().Equals("cancel", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            var typed = line.Trim().Length > 0 ? line.Trim() : current;
            values[field.Name] = field.Kind == FieldKind.Toggle ? (typed is "yes" or "y" or "true" ? "true" : "false") : typed;
        }
        return (values, false);
    }
}
