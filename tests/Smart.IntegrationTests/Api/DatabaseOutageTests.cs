using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Smart.IntegrationTests.Activities;
using Smart.IntegrationTests.Infrastructure;

namespace Smart.IntegrationTests.Api;

/// <summary>
/// A host whose database goes away and comes back, through a <see cref="TcpForwarder"/>: the shared PostgreSQL
/// server keeps running for the other tests.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private const int HealthPolls = 100;

    private readonly TestDatabase _database = TestDatabase.Create();
    private TcpForwarder _forwarder = null!;
    private SmartApp _app = null!;

    private sealed record MemberBody(Guid Id, string DisplayName);

    public async Task InitializeAsync()
    {
        await _database.CreateFromTemplateAsync();
        var server = new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString);
        _forwarder = new TcpForwarder(server.Host!, server.Port);
        _app = new SmartApp(_database.Through(_forwarder.Port), ownsDatabase: false).WithSetting("Smart:Database:RetryAfterSeconds", "7");
        await _app.InitializeAsync();
    }

    [Fact]
    public async Task Given_the_database_cut_off_Then_503_with_Retry_After_and_Unhealthy_and_once_it_is_back_the_host_serves_again_and_lost_nothing()
    {
        var scenario = await new ActivitiesScenario(_app).StartAsync();
        var (memberBefore, _) = await scenario.MemberAsync(); // 201, and its events delivered before the cut
        var anonymous = _app.CreateClient();

        _forwarder.Cut();

        await AssertUnavailableAsync(await scenario.Admin.PostAsJsonAsync("/api/governance/members", new
        {
            kind = "Person", firstName = "Noé", lastName = "Panne", email = "noe.panne@example.org", officeId = scenario.Structure.LilleOfficeId,
        }));
        await AssertUnavailableAsync(await scenario.Admin.GetAsync($"/api/governance/members/{memberBefore}"));
        var unhealthy = await anonymous.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        Assert.Equal("7", unhealthy.Headers.RetryAfter?.ToString());
        Assert.Equal("Unhealthy", JsonDocument.Parse(await unhealthy.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());

        _forwarder.Restore();

        await WaitUntilHealthyAsync(anonymous);
        Assert.Equal("Alex Artiste", (await scenario.Admin.GetFromJsonAsync<MemberBody>($"/api/governance/members/{memberBefore}"))!.DisplayName);
        // A new member goes through Governance, the outbox dispatcher and Activities: every part of the host survived.
        var (_, memberAfterClient) = await scenario.MemberAsync();
        await ActivitiesScenario.OpenActivityAsync(memberAfterClient);
        Assert.False(_app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested, "The host is stopping.");
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("7", response.Headers.RetryAfter?.ToString());
    }

    /// <summary>Polls /health a bounded number of times; the pools reconnect on their own.</summary>
    private static async Task WaitUntilHealthyAsync(HttpClient client)
    {
        for (var poll = 1; ; poll++)
        {
            var response = await client.GetAsync("/health");
            if (response.StatusCode == HttpStatusCode.OK) return;
            Assert.True(poll < HealthPolls, $"/health still answers {(int)response.StatusCode} after {poll} polls.");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_app).DisposeAsync();
        await _forwarder.DisposeAsync();
        await _database.DisposeAsync();
    }
}
