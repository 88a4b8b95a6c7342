using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace SweLancer.Coordinator.Api;

/// <summary>
/// Refuses requests without the configured bearer token. Browsers' EventSource cannot send headers, so the token may
/// also come as ?access_token=. The token is compared in constant time and never logged.
/// </summary>
public sealed class BearerTokenGate(string token)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(token);

    public bool Allows(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var offered = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : request.Query["access_token"].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(offered), _expected);
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (Allows(context.Request))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await context.Response.WriteAsJsonAsync(new ApiError("a valid bearer token is required (Authorization: Bearer <token>)"));
    }
}
