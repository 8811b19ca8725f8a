using System.Text.Json.Nodes;

namespace CoalitionBot.Slack.WebApi;

internal sealed partial class SlackApiClient
{
    /// <summary>views.publish: sets <paramref name="userId"/>'s App Home tab (a view of type <c>home</c>).</summary>
    public Task PublishViewAsync(string userId, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync("views.publish", new JsonObject { ["user_id"] = userId, ["view"] = view.DeepClone() }, cancellationToken);

    /// <summary>views.open: opens a modal; <paramref name="triggerId"/> expires 3 s after the click.</summary>
    public Task OpenViewAsync(string triggerId, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync("views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() }, cancellationToken);
}
