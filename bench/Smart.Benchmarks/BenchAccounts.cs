using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Security;
using Smart.Host.Identity;
using Smart.Modules.Governance.Contracts;
using Wolverine;

namespace Smart.Benchmarks;

/// <summary>Logins for the benchmarks: an HTTP client acting as a seeded member, and what it creates.</summary>
internal static class BenchAccounts
{
    private const string Password = "Bench-password-2026!";

    /// <summary>A client logged in as <paramref name="login"/>, tied to the member registered with <paramref name="memberEmail"/>.</summary>
    public static async Task<(HttpClient Client, MemberReference Member)> MemberClientAsync(WebApplicationFactory<global::Program> factory, string login,
        string memberEmail = "member@smart.coop")
    {
        MemberReference member;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            member = await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<MemberReference?>(new FindMemberByEmail(memberEmail))
                ?? throw new InvalidOperationException($"No member {memberEmail}: seed the demo members first.");
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().EnsureAsync(login, Password, SmartRoles.Member, member.MemberId, member.EntityId, member.OfficeId);
        }
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = login, password = Password });
        response.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.Content.ReadFromJsonAsync<Token>())!.AccessToken);
        return (client, member);
    }

    /// <summary>The id of what a POST created; anything but a success stops the benchmark with the answer.</summary>
    public static async Task<Guid> CreatedAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Created>())!.Id;
    }

    private sealed record Token(string AccessToken);

    private sealed record Created(Guid Id);
}
