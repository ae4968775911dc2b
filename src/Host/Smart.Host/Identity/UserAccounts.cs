using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.Modules.Governance.Contracts;

namespace Smart.Host.Identity;

/// <summary>Creates login accounts tied to the cooperative's structure through claims carried in the bearer token.</summary>
internal sealed class UserAccounts(UserManager<SmartUser> users, RoleManager<IdentityRole<Guid>> roles)
{
    public async Task<SmartUser> EnsureAsync(string email, string password, string role, Guid? memberId = null, Guid? entityId = null, Guid? officeId = null)
    {
        foreach (var name in SmartRoles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(name)));
            }
        }
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return existing;
        }
        var user = new SmartUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        var claims = new List<Claim> { new(ClaimTypes.Email, email) };
        if (memberId is { } m) claims.Add(new Claim(SmartClaims.MemberId, m.ToString()));
        if (entityId is { } e) claims.Add(new Claim(SmartClaims.EntityId, e.ToString()));
        if (officeId is { } o) claims.Add(new Claim(SmartClaims.OfficeId, o.ToString()));
        Check(await users.AddClaimsAsync(user, claims));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>One demo account per role for the local default; the README lists them.</summary>
internal static class DemoAccounts
{
    public const string Password = "Smart-demo-2026!";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var lille = await bus.InvokeAsync<OfficeReference?>(new FindOffice("SmartFr", "Lille"), cancellationToken)
            ?? throw new InvalidOperationException("The demo data has no SmartFr office in Lille.");
        var member = await bus.InvokeAsync<MemberReference?>(new FindMemberByEmail("member@smart.coop"), cancellationToken)
            ?? throw new InvalidOperationException("The demo data has no member@smart.coop.");
        // Databases seeded before the demo employer existed have none: they keep their other accounts.
        var employer = await bus.InvokeAsync<MemberReference?>(new FindMemberByEmail("employer@smart.coop"), cancellationToken);

        await accounts.EnsureAsync("admin@smart.coop", Password, SmartRoles.Admin);
        await accounts.EnsureAsync("operator@smart.coop", Password, SmartRoles.Operator, entityId: lille.EntityId);
        await accounts.EnsureAsync("advisor@smart.coop", Password, SmartRoles.Advisor, entityId: lille.EntityId, officeId: lille.OfficeId);
        await accounts.EnsureAsync("member@smart.coop", Password, SmartRoles.Member, member.MemberId, member.EntityId, member.OfficeId);
        if (employer is not null)
        {
            await accounts.EnsureAsync("employer@smart.coop", Password, SmartRoles.Member, employer.MemberId, employer.EntityId, employer.OfficeId);
        }
    }
}
