using FluentValidation;
using FluentValidation.Results;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Smart.BuildingBlocks.Security;

namespace Smart.Host.Identity;

internal sealed record LoginRequest(string? Email, string? Password)
{
    public static LoginRequest Example => new("admin@smart.coop", DemoAccounts.Password);
}

internal sealed record RefreshRequest(string? RefreshToken);

internal sealed record CurrentUserView(Guid? UserId, string? Email, IReadOnlyList<string> Roles, Guid? MemberId, Guid? EntityId, Guid? OfficeId);

/// <summary>
/// Login only: accounts are created by the cooperative (demo seed today), never by self-registration, so
/// Identity's <c>MapIdentityApi</c> (which opens /register) is not used.
/// </summary>
internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/auth").WithTags("Authentication");

        group.MapPost("/login", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (LoginRequest login, SignInManager<SmartUser> signIn) =>
            {
                RequireFields(("email", login.Email), ("password", login.Password));
                signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
                var result = await signIn.PasswordSignInAsync(login.Email!, login.Password!, isPersistent: false, lockoutOnFailure: true);
                // The bearer handler has written the access token response on success.
                return result.Succeeded
                    ? TypedResults.Empty
                    : TypedResults.Problem(title: "Login failed.", detail: result.IsLockedOut ? "Too many failed attempts: try again later." : "Unknown e-mail or wrong password.", statusCode: StatusCodes.Status401Unauthorized);
            })
            .AllowAnonymous()
            .WithName("Login")
            .WithSummary("Exchanges e-mail and password for a bearer token (paste it in Swagger UI's Authorize).")
            .Produces<AccessTokenResponse>();

        group.MapPost("/refresh", async Task<Results<SignInHttpResult, ChallengeHttpResult>> (RefreshRequest request, SignInManager<SmartUser> signIn,
                IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider clock) =>
            {
                RequireFields(("refreshToken", request.RefreshToken));
                var protector = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
                var ticket = protector.Unprotect(request.RefreshToken!);
                if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                    || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
                {
                    return TypedResults.Challenge();
                }
                return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
            })
            .AllowAnonymous()
            .WithName("RefreshToken")
            .WithSummary("Exchanges a refresh token for a new bearer token.")
            .Produces<AccessTokenResponse>();

        group.MapGet("/me", (ICurrentUser user, ClaimsPrincipal principal) => TypedResults.Ok(new CurrentUserView(
                user.UserId, principal.FindFirstValue(ClaimTypes.Email) ?? principal.Identity?.Name,
                SmartRoles.All.Where(user.IsInRole).ToList(), user.MemberId, user.EntityId, user.OfficeId)))
            .WithName("WhoAmI")
            .WithSummary("The logged-in user: roles, and the member, entity and office the account is tied to.");
    }

    private static void RequireFields(params (string Name, string? Value)[] fields)
    {
        var missing = fields.Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => new ValidationFailure(f.Name, $"'{f.Name}' is required.")).ToList();
        if (missing.Count > 0)
        {
            throw new ValidationException(missing);
        }
    }
}
