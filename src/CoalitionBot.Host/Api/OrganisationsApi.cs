using CoalitionBot.Organisations;

namespace CoalitionBot.Host.Api;

internal static class OrganisationsApi
{
    /// <summary>Largest CSV import body: 5,000 rows fit easily.</summary>
    private const int MaxCsvBytes = 2 * 1024 * 1024;

    /// <summary>The coalition's directory of organisations and members, behind the Admin:ApiKey bearer key.</summary>
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var organisations = app.MapGroup("/api/organisations").AddEndpointFilter<AdminKey>();
        organisations.MapGet("", async (OrganisationDirectory directory, CancellationToken cancellationToken) =>
            Results.Ok(await directory.ListAsync(cancellationToken)));
        organisations.MapPost("", async (NewOrganisation request, OrganisationDirectory directory, CancellationToken cancellationToken) =>
        {
            var (created, problem) = await directory.CreateAsync(request, cancellationToken);
            return problem is null ? Results.Created($"/api/organisations/{created!.Id}", created) : Problem(problem);
        });
        organisations.MapGet("/{id}", async (string id, OrganisationDirectory directory, CancellationToken cancellationToken) =>
            await directory.GetAsync(id, cancellationToken) is { } organisation ? Results.Ok(organisation) : Problem(OrganisationDirectory.NotFound(id)));
        organisations.MapPost("/import", async (HttpRequest request, OrganisationImport import, CancellationToken cancellationToken) =>
        {
            if (request.ContentLength > MaxCsvBytes)
            {
                return Problem(new OrganisationProblem(400, $"The CSV is over {MaxCsvBytes / 1024 / 1024} MB; split it into smaller files."));
            }
            var buffer = new char[MaxCsvBytes + 1];
            using var reader = new StreamReader(request.Body);
            var length = await reader.ReadBlockAsync(buffer, cancellationToken);
            if (length > MaxCsvBytes)
            {
                return Problem(new OrganisationProblem(400, $"The CSV is over {MaxCsvBytes / 1024 / 1024} MB; split it into smaller files."));
            }
            var (result, problem) = await import.ImportAsync(new string(buffer, 0, length), cancellationToken);
            return problem is null ? Results.Ok(result) : Problem(problem);
        });
        organisations.MapPost("/{id}/members", async (string id, NewMember member, OrganisationDirectory directory, CancellationToken cancellationToken) =>
        {
            var (added, problem) = await directory.AddMemberAsync(id, member, cancellationToken);
            return problem is null ? Results.Ok(added) : Problem(problem);
        });
        organisations.MapPost("/{id}/merge", async (string id, MergeRequest merge, OrganisationDirectory directory, CancellationToken cancellationToken) =>
        {
            var (merged, problem) = await directory.MergeAsync(id, merge.Name, cancellationToken);
            return problem is null ? Results.Ok(merged) : Problem(problem);
        });
        organisations.MapGet("/unknown-names", async (OrganisationDirectory directory, CancellationToken cancellationToken) =>
            Results.Ok(await directory.UnknownNamesAsync(cancellationToken)));
        organisations.MapGet("/learned", async (OrganisationDirectory directory, CancellationToken cancellationToken) =>
            Results.Ok(await directory.LearnedAsync(cancellationToken)));
        organisations.MapPost("/members/{memberId:long}/confirm", async (long memberId, OrganisationDirectory directory, CancellationToken cancellationToken) =>
        {
            var (confirmed, problem) = await directory.ConfirmAsync(memberId, cancellationToken);
            return problem is null ? Results.Ok(confirmed) : Problem(problem);
        });
        organisations.MapDelete("/members/{memberId:long}", async (long memberId, OrganisationDirectory directory, CancellationToken cancellationToken) =>
            await directory.RemoveMemberAsync(memberId, cancellationToken) is { } problem ? Problem(problem) : Results.NoContent());
        return app;
    }

    /// <summary>The body of POST /api/organisations/{id}/merge: a name members typed that should count for the organisation.</summary>
    internal sealed record MergeRequest(string? Name);

    private static IResult Problem(OrganisationProblem problem) => Results.Json(new ErrorResponse(problem.Error), statusCode: problem.Status);
}
