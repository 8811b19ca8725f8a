using CoalitionBot.Actions;

namespace CoalitionBot.Host.Api;

internal static class ActionsApi
{
    /// <summary>The coordinators' actions API of architecture.md, behind the Admin:ApiKey bearer key.</summary>
    public static IEndpointRouteBuilder MapActionsApi(this IEndpointRouteBuilder app)
    {
        var actions = app.MapGroup("/api/actions").AddEndpointFilter<AdminKey>();
        actions.MapPost("", async (NewAction request, ActionService service, CancellationToken cancellationToken) =>
        {
            var (created, problem) = await service.CreateAsync(request, "api", cancellationToken);
            return problem is not null
                ? Problem(problem)
                : Results.Created($"/api/actions/{created!.Id}", await service.GetAsync(created.Id, cancellationToken));
        });
        actions.MapGet("", async (ActionService service, CancellationToken cancellationToken) =>
            Results.Ok(await service.ListAsync(cancellationToken)));
        actions.MapGet("/{id}", async (string id, ActionService service, CancellationToken cancellationToken) =>
            await service.GetAsync(id, cancellationToken) is { } action ? Results.Ok(action) : Problem(ActionService.NotFound(id)));
        actions.MapGet("/{id}/signatories.csv", async (string id, ActionService service, CancellationToken cancellationToken) =>
            await service.SignatoriesCsvAsync(id, cancellationToken) is { } csv
                ? Results.Text(csv, "text/csv; charset=utf-8")
                : Problem(ActionService.NotFound(id)));
        actions.MapGet("/{id}/signatories.txt", async (string id, ActionService service, CancellationToken cancellationToken) =>
            await service.SignatoriesTextAsync(id, cancellationToken) is { } text
                ? Results.Text(text, "text/plain; charset=utf-8")
                : Problem(ActionService.NotFound(id)));
        actions.MapPost("/{id}/close", async (string id, ActionService service, CancellationToken cancellationToken) =>
        {
            var (closed, problem) = await service.CloseAsync(id, cancellationToken);
            return problem is null ? Results.Ok(closed) : Problem(problem);
        });
        actions.MapMethods("/{id}", ["PATCH"], async (string id, ActionEdit edit, ActionService service, CancellationToken cancellationToken) =>
        {
            var (edited, problem) = await service.EditAsync(id, edit, cancellationToken);
            return problem is null ? Results.Ok(edited) : Problem(problem);
        });
        actions.MapPost("/{id}/cancel", async (string id, ActionService service, CancellationToken cancellationToken) =>
        {
            var (cancelled, problem) = await service.CancelAsync(id, cancellationToken);
            return problem is null ? Results.Ok(cancelled) : Problem(problem);
        });
        actions.MapPost("/{id}/deliveries/{deliveryId:long}/retry", async (string id, long deliveryId, ActionService service, CancellationToken cancellationToken) =>
        {
            var (action, problem) = await service.RetryDeliveryAsync(id, deliveryId, cancellationToken);
            return problem is null ? Results.Ok(action) : Problem(problem);
        });
        return app;
    }

    private static IResult Problem(ActionProblem problem) => Results.Json(new ErrorResponse(problem.Error), statusCode: problem.Status);
}
