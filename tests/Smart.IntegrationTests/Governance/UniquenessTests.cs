using System.Net;
using System.Net.Http.Json;
using Marten;
using JasperFx;
using Microsoft.Extensions.DependencyInjection;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Governance;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Offices;

namespace Smart.IntegrationTests.Governance;

/// <summary>What the handlers check before writing, the store's unique indexes hold even when two writes race.</summary>
public sealed class UniquenessTests(SmartApp app) : IClassFixture<SmartApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Given_a_member_whose_e_mail_is_taken_in_the_entity_saved_past_the_handlers_check_Then_the_save_fails_and_nothing_is_written()
    {
        var structure = await app.SeedStructureAsync();
        var store = app.Services.GetRequiredService<IGovernanceStore>();
        await using var session = store.LightweightSession();
        var paris = (await session.LoadAsync<Office>(structure.ParisOfficeId))!;
        var taken = (await session.Query<Member>().FirstAsync(m => m.EntityId == structure.EntityId)).Email;
        var newOffice = Office.Open(structure.EntityId, $"Office {Guid.NewGuid():N}");
        session.Insert(newOffice);
        session.Insert(Member.RegisterPerson("Ana", "Twice", taken.ToUpperInvariant(), null, null, paris, Today, Today));

        await Assert.ThrowsAsync<DocumentAlreadyExistsException>(() => session.SaveChangesAsync());
        await using var query = store.QuerySession();
        Assert.Equal(1, await query.Query<Member>().CountAsync(m => m.EntityId == structure.EntityId && m.Email == taken));
        Assert.Null(await query.LoadAsync<Office>(newOffice.Id));
    }

    [Fact]
    public async Task Given_two_simultaneous_registrations_with_one_e_mail_Then_one_is_created_the_other_is_409_and_one_event_is_published()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var email = $"race-{Guid.NewGuid():N}@example.org";
        HttpResponseMessage[] responses = [];

        var tracked = await app.TrackAsync(async () => responses = await Task.WhenAll(new[] { structure.LilleOfficeId, structure.ParisOfficeId }.Select(office =>
            admin.PostAsJsonAsync("/api/governance/members", new { kind = "Person", firstName = "Ana", lastName = "Race", email, officeId = office }))));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await app.QueryStoreAsync<IGovernanceStore, int>(session => session.Query<Member>().CountAsync(m => m.Email == email)));
        // Sent once to each subscribing module: one message, one member.
        Assert.Single(tracked.Sent.MessagesOf<MemberRegistered>().Where(m => m.Email == email).Select(m => m.MemberId).Distinct());
    }
}
