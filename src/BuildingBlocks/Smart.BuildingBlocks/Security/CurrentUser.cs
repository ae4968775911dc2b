using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Smart.BuildingBlocks.Security;

public static class SmartRoles
{
    public const string Member = "member";
    public const string Advisor = "advisor";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Member, Advisor, Operator, Admin];
}

/// <summary>Claims carried in the bearer token that tie a login to the cooperative's structure.</summary>
public static class SmartClaims
{
    public const string MemberId = "smart:member_id";
    public const string EntityId = "smart:entity_id";
    public const string OfficeId = "smart:office_id";
}

public static class SmartPolicies
{
    public const string Admin = "admin";

    /// <summary>Back-office: operators and admins.</summary>
    public const string Operator = "operator";

    /// <summary>Permanent staff: advisors, operators, admins.</summary>
    public const string Staff = "staff";

    /// <summary>An admin tied to no entity: administers the group (creates entities).</summary>
    public const string PlatformAdmin = "platform-admin";

    public static IServiceCollection AddSmartAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            // Everything needs a login unless an endpoint says AllowAnonymous (health, OpenAPI, login).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Admin, p => p.RequireRole(SmartRoles.Admin))
            .AddPolicy(Operator, p => p.RequireRole(SmartRoles.Operator, SmartRoles.Admin))
            .AddPolicy(Staff, p => p.RequireRole(SmartRoles.Advisor, SmartRoles.Operator, SmartRoles.Admin))
            .AddPolicy(PlatformAdmin, p => p.RequireRole(SmartRoles.Admin).RequireAssertion(c => !c.User.HasClaim(claim => claim.Type == SmartClaims.EntityId)));
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        return services;
    }
}

/// <summary>Who is asking, in the cooperative's terms; handlers use it to scope what a caller may see.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    Guid? UserId { get; }
    Guid? MemberId { get; }
    Guid? EntityId { get; }
    Guid? OfficeId { get; }
    bool IsInRole(string role);
}

internal sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;
    public Guid? UserId => Read(ClaimTypes.NameIdentifier);
    public Guid? MemberId => Read(SmartClaims.MemberId);
    public Guid? EntityId => Read(SmartClaims.EntityId);
    public Guid? OfficeId => Read(SmartClaims.OfficeId);

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;

    private Guid? Read(string claim) => Guid.TryParse(Principal?.FindFirstValue(claim), out var id) ? id : null;
}

public static class CurrentUsers
{
    /// <summary>
    /// The caller as they are now, kept for work done on their behalf outside their request (a group commit): the
    /// request's user is read from the HTTP context of whatever flow reads it.
    /// </summary>
    public static ICurrentUser Snapshot(this ICurrentUser user) => new CallerSnapshot(user.IsAuthenticated, user.UserId, user.MemberId, user.EntityId,
        user.OfficeId, SmartRoles.All.Where(user.IsInRole).ToHashSet());

    private sealed record CallerSnapshot(bool IsAuthenticated, Guid? UserId, Guid? MemberId, Guid? EntityId, Guid? OfficeId, IReadOnlySet<string> Roles)
        : ICurrentUser
    {
        public bool IsInRole(string role) => Roles.Contains(role);
    }
}
