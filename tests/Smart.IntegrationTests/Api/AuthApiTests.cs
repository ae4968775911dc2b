using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Microsoft.Extensions.DependencyInjection;
using Smart.IntegrationTests.Infrastructure;

namespace Smart.IntegrationTests.Api;

public sealed class AuthApiTests(SmartApp app) : IClassFixture<SmartApp>
{
    private sealed record Tokens(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken);

    private sealed record Me(Guid? UserId, string? Email, List<string> Roles, Guid? MemberId, Guid? EntityId, Guid? OfficeId);

    [Fact]
    public async Task Given_an_advisor_account_Then_login_returns_a_bearer_token_that_carries_the_office()
    {
        var structure = await app.SeedStructureAsync();
        var advisor = await app.ClientAsync(SmartRoles.Advisor, entityId: structure.EntityId, officeId: structure.LilleOfficeId);

        var me = await advisor.GetFromJsonAsync<Me>("/api/auth/me");

        Assert.Equal(["advisor"], me!.Roles);
        Assert.Equal((structure.EntityId, structure.LilleOfficeId, (Guid?)null), (me.EntityId!.Value, me.OfficeId!.Value, me.MemberId));
        Assert.EndsWith("@test.smart.coop", me.Email);
    }

    [Fact]
    public async Task Given_a_refresh_token_Then_it_buys_a_new_access_token_and_a_forged_one_is_refused()
    {
        var email = $"refresh-{Guid.NewGuid():N}@test.smart.coop";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Smart.Host.Identity.UserAccounts>().EnsureAsync(email, SmartApp.Password, SmartRoles.Operator);
        }
        var client = app.CreateClient();
        var tokens = await (await client.PostAsJsonAsync("/api/auth/login", new { email, password = SmartApp.Password })).Content.ReadFromJsonAsync<Tokens>();
        Assert.Equal("Bearer", tokens!.TokenType);

        var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var again = await refreshed.Content.ReadFromJsonAsync<Tokens>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", again!.AccessToken);
        Assert.Equal(["operator"], (await client.GetFromJsonAsync<Me>("/api/auth/me"))!.Roles);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "forged" })).StatusCode);
    }

    [Fact]
    public async Task Given_a_wrong_password_or_missing_fields_Then_401_or_400_problem_details()
    {
        var client = app.CreateClient();

        await (await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@smart.coop", password = "wrong" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostAsJsonAsync("/api/auth/login", new { email = "" })).AssertFieldErrorsAsync("email", "password");
        await (await client.PostAsJsonAsync("/api/auth/refresh", new { })).AssertFieldErrorsAsync("refreshToken");
        await (await client.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
