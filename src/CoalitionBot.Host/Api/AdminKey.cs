using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Host.Api;

/// <summary>The coordinators' bearer key, checked in constant time: 401 without a key, 403 with a wrong one or none configured.</summary>
internal sealed class AdminKey(IOptions<AdminOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var configured = options.Value.ApiKey;
        if (string.IsNullOrEmpty(configured))
        {
            return TypedResults.Json(new ErrorResponse("The coordinator API is off: set Admin:ApiKey to turn it on."), statusCode: StatusCodes.Status403Forbidden);
        }
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Json(new ErrorResponse("Send the coordinator key as 'Authorization: Bearer <key>'."), statusCode: StatusCodes.Status401Unauthorized);
        }
        var given = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        if (!CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(configured)))
        {
            return TypedResults.Json(new ErrorResponse("That coordinator key is not the right one."), statusCode: StatusCodes.Status403Forbidden);
        }
        return await next(context);
    }
}
