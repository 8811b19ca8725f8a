using System.Text.Json;

namespace CoalitionBot.Teams.Bot;

/// <summary>
/// The least an activity needs before the adapter runs a turn on it: a JSON object with a type, a
/// serviceUrl to answer at and a conversation id. CloudAdapter already refuses unparsable JSON with 400;
/// this also refuses well-formed JSON that is no activity, which would otherwise fail inside the turn.
/// </summary>
internal static class ActivityShape
{
    /// <summary>What is wrong with the body (null when it looks like an activity), and its serviceUrl.</summary>
    public static async Task<(string? Problem, string? ServiceUrl)> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        string? serviceUrl = null;
        var problem = await ProblemAsync(body, url => serviceUrl = url, cancellationToken);
        return (problem, serviceUrl);
    }

    private static async Task<string?> ProblemAsync(Stream body, Action<string> serviceUrl, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "The body must be an activity: a JSON object.";
            }
            if (!IsText(root, "type"))
            {
                return "The activity has no type.";
            }
            if (!IsText(root, "serviceUrl"))
            {
                return "The activity has no serviceUrl.";
            }
            serviceUrl(root.GetProperty("serviceUrl").GetString()!);
            if (!root.TryGetProperty("conversation", out var conversation) || conversation.ValueKind != JsonValueKind.Object || !IsText(conversation, "id"))
            {
                return "The activity has no conversation id.";
            }
            return null;
        }
        catch (JsonException)
        {
            return "The body is not valid JSON.";
        }
    }

    private static bool IsText(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0;
}
