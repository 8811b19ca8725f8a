using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Actions;
using CoalitionBot.Host.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Host.Tests.Api;

public sealed class OrganisationsApiTests : IAsyncLifetime
{
    private readonly CoalitionBotApplication _app = new();
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _host = _app.WithAdminKey();
        _client = _host.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CoalitionBotApplication.AdminKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _app.DisposeAsync();
    }

    private async Task<JsonElement> ListAsync() => await _client.GetFromJsonAsync<JsonElement>("/api/organisations");

    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

    private async Task<string> CreateAsync(string name, string? country = null)
    {
        var response = await _client.PostAsJsonAsync("/api/organisations", new JsonObject
        {
            ["name"] = name, ["country"] = country,
            ["focalPoints"] = new JsonArray(new JsonObject { ["name"] = "Ana", ["email"] = "ana@example.org" }),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [Theory]
    [InlineData("GET", "/api/organisations")]
    [InlineData("POST", "/api/organisations")]
    [InlineData("POST", "/api/organisations/import")]
    [InlineData("GET", "/api/organisations/unknown-names")]
    [InlineData("GET", "/api/organisations/learned")]
    [InlineData("POST", "/api/organisations/org_x/members")]
    [InlineData("POST", "/api/organisations/org_x/merge")]
    [InlineData("POST", "/api/organisations/members/1/confirm")]
    [InlineData("DELETE", "/api/organisations/members/1")]
    [InlineData("PATCH", "/api/actions/act_x")]
    [InlineData("POST", "/api/actions/act_x/cancel")]
    [InlineData("POST", "/api/actions/act_x/deliveries/1/retry")]
    public async Task EveryRouteNeedsTheKey(string method, string path)
    {
        var anonymous = _host.CreateClient();

        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { name = "x" }) });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty((await ListAsync()).EnumerateArray());
    }

    [Fact]
    public async Task ACoordinatorAddsAnOrganisationOnceWhateverTheSpelling()
    {
        var id = await CreateAsync("Médecins du Monde", "France");

        var again = await _client.PostAsJsonAsync("/api/organisations", new { name = "medecins du monde" });
        var empty = await _client.PostAsJsonAsync("/api/organisations", new { name = "" });
        var huge = await _client.PostAsJsonAsync("/api/organisations", new { name = new string('x', 10 * 1024 * 1024) });
        var malformed = await _client.PostAsync("/api/organisations", new StringContent("{ \"name\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already in the directory", await ErrorOf(again));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("keep it under 200", await ErrorOf(huge));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var only = Assert.Single((await ListAsync()).EnumerateArray());
        Assert.Equal(id, only.GetProperty("id").GetString());
        Assert.Equal("ana@example.org", only.GetProperty("focalPoints")[0].GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/organisations/org_nope")).StatusCode);
    }

    [Fact]
    public async Task ACsvImportReportsBadRowsByLineAndImportsTheRest()
    {
        const string csv = "organisation,country,platform,user\nSave the Children,Belgium,slack,U1\nOxfam,UK,fax,U2\n,Spain,,\nHIAS,USA,teams,aad-3\n";

        var response = await _client.PostAsync("/api/organisations/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var headerless = await _client.PostAsync("/api/organisations/import", new StringContent("Oxfam,UK\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("imported").GetInt32());
        Assert.Equal([3, 4], result.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        Assert.Equal(["HIAS", "Save the Children"], (await ListAsync()).EnumerateArray().Select(o => o.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, headerless.StatusCode);
        Assert.Contains("Line 1", await ErrorOf(headerless));
    }

    [Fact]
    public async Task MembersAreAddedToKnownOrganisationsOnly()
    {
        var id = await CreateAsync("HIAS");

        var added = await _client.PostAsJsonAsync($"/api/organisations/{id}/members", new { platform = "slack", user = "U1" });
        var unknown = await _client.PostAsJsonAsync("/api/organisations/org_nope/members", new { platform = "slack", user = "U2" });
        var badPlatform = await _client.PostAsJsonAsync($"/api/organisations/{id}/members", new { platform = "fax", user = "U3" });

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("no organisation 'org_nope'", await ErrorOf(unknown));
        Assert.Equal(HttpStatusCode.BadRequest, badPlatform.StatusCode);
        Assert.Equal(["U1"], (await ListAsync())[0].GetProperty("members").EnumerateArray().Select(m => m.GetProperty("userId").GetString()));
    }

    [Fact]
    public async Task ATypedNameIsFlaggedMergedAndTheLearnedMemberConfirmed()
    {
        var hias = await CreateAsync("HIAS", "USA");
        var action = await _client.PostAsJsonAsync("/api/actions", new JsonObject
        {
            ["title"] = "Letter", ["deadline"] = DateTimeOffset.UtcNow.AddDays(5).ToString("O"),
            ["audience"] = new JsonArray(new JsonObject { ["platform"] = "slack", ["channel"] = "C1" }),
        });
        var actionId = (await action.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await _host.Services.GetRequiredService<ActionService>().RespondAsync(actionId, "slack", "U7", ActionAnswer.Signed, "HIAS Europe", "Sam", null, CancellationToken.None);

        var unknown = await _client.GetFromJsonAsync<JsonElement>("/api/organisations/unknown-names");
        Assert.Equal("HIAS Europe", Assert.Single(unknown.EnumerateArray()).GetProperty("name").GetString());
        var merge = await _client.PostAsJsonAsync($"/api/organisations/{hias}/merge", new { name = "HIAS Europe" });
        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsJsonAsync("/api/organisations/org_nope/merge", new { name = "Other" })).StatusCode);

        var learned = Assert.Single((await _client.GetFromJsonAsync<JsonElement>("/api/organisations/learned")).EnumerateArray());
        var confirm = await _client.PostAsync($"/api/organisations/members/{learned.GetProperty("id").GetInt64()}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Empty((await _client.GetFromJsonAsync<JsonElement>("/api/organisations/learned")).EnumerateArray());
        var view = await _client.GetFromJsonAsync<JsonElement>($"/api/actions/{actionId}");
        Assert.Equal("HIAS", view.GetProperty("organisations")[0].GetProperty("organisation").GetString());
        Assert.Equal(hias, view.GetProperty("organisations")[0].GetProperty("organisationId").GetString());
        Assert.Equal(0, view.GetProperty("tally").GetProperty("pending").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/api/organisations/members/999999/confirm", null)).StatusCode);
        var csv = await _client.GetStringAsync($"/api/actions/{actionId}/signatories.csv");
        Assert.StartsWith("HIAS,Sam,,slack,", csv.Split("\r\n")[1]);
        Assert.Equal("HIAS (USA)", await _client.GetStringAsync($"/api/actions/{actionId}/signatories.txt"));
    }
}
