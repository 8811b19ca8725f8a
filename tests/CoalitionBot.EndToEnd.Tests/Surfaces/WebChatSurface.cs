using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CoalitionBot.EndToEnd.Tests.Surfaces;

/// <summary>The local web chat: POST /api/chat as chat.js sends it, a message or the button of the last reply.</summary>
public sealed class WebChatSurface(HttpClient client) : ISurface
{
    public string Name => "web chat";

    public async Task<IReadOnlyList<Seen>> RunAsync(IReadOnlyList<Step> steps)
    {
        var conversation = Guid.NewGuid().ToString("N");
        var seen = new List<Seen>();
        JsonArray buttons = [];
        foreach (var step in steps)
        {
            JsonObject body = step.Typed is { } text
                ? new() { ["conversation"] = conversation, ["text"] = text }
                : new() { ["conversation"] = conversation, ["button"] = buttons.Single(b => b!["label"]!.GetValue<string>() == step.Pressed)!.DeepClone() };
            using var response = await client.PostAsJsonAsync("/api/chat", body);
            response.EnsureSuccessStatusCode();
            var reply = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            buttons = reply["buttons"]!.AsArray();
            seen.Add(Seen.Of(reply["text"]!.GetValue<string>(), buttons.Select(b => b!["label"]!.GetValue<string>())));
        }
        return seen;
    }
}
