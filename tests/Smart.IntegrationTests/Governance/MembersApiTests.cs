using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Governance.Contracts;
using Marten;
using Smart.Modules.Governance;
using Smart.Modules.Governance.Domain.Members;

namespace Smart.IntegrationTests.Governance;

public sealed class MembersApiTests(SmartApp app) : IClassFixture<SmartApp>
{
    private sealed record MemberBody(Guid Id, string DisplayName, string Email, Guid EntityId, Guid OfficeId, string Kind, DateOnly RegisteredOn);

    [Fact]
    public async Task Given_an_admin_When_registering_a_person_Then_201_with_location_and_the_member_reads_back()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);

        var response = await admin.PostAsJsonAsync("/api/governance/members", new
        {
            kind = "Person", firstName = "Léa", lastName = "Fontaine", email = "Lea.Fontaine@Example.org", gender = "Female",
            birthDate = "1990-06-01", officeId = structure.ParisOfficeId, registeredOn = "2026-01-05",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<ResourceCreated>())!.Id;
        Assert.Equal($"/api/governance/members/{id}", response.Headers.Location!.OriginalString);
        var member = await admin.GetFromJsonAsync<MemberBody>($"/api/governance/members/{id}");
        Assert.Equal("Léa Fontaine", member!.DisplayName);
        Assert.Equal("lea.fontaine@example.org", member.Email);
        Assert.Equal(structure.EntityId, member.EntityId);
        Assert.Equal(structure.ParisOfficeId, member.OfficeId);
        Assert.Equal(new DateOnly(2026, 1, 5), member.RegisteredOn);
    }

    [Fact]
    public async Task Given_an_admin_When_registering_an_association_Then_it_is_a_legal_entity_member()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);

        var response = await admin.PostAsJsonAsync("/api/governance/members", new
        {
            kind = "LegalEntity", legalName = "Compagnie du Rivage", legalForm = "Association", email = $"rivage-{Guid.NewGuid():N}@example.org",
            officeId = structure.LilleOfficeId,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<ResourceCreated>())!.Id;
        var member = await admin.GetFromJsonAsync<MemberBody>($"/api/governance/members/{id}");
        Assert.Equal(("LegalEntity", "Compagnie du Rivage"), (member!.Kind, member.DisplayName));
    }

    [Fact]
    public async Task Given_bad_input_Then_400_with_field_errors_and_nothing_written()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var membersBefore = await MembersAsync();

        var tracked = await app.TrackAsync(async () =>
        {
            await (await admin.PostAsJsonAsync("/api/governance/members", new { })).AssertFieldErrorsAsync("kind", "email", "officeId");
            await (await admin.PostAsJsonAsync("/api/governance/members", new { kind = "Person", email = "not-an-email", officeId = structure.LilleOfficeId }))
                .AssertFieldErrorsAsync("firstName", "lastName", "email");
            await (await admin.PostAsJsonAsync("/api/governance/members", new { kind = "LegalEntity", firstName = "X", email = "a@b.org", officeId = structure.LilleOfficeId }))
                .AssertFieldErrorsAsync("legalName", "legalForm", "firstName");
        });

        Assert.Equal(membersBefore, await MembersAsync());
        Assert.Empty(tracked.Sent.AllMessages());
    }

    [Theory]
    [InlineData("""{"kind":"Person","firstName":"A","lastName":"B","email":"ab@example.org","officeId":"OFFICE","nickname":"x"}""")] // unknown field
    [InlineData("""{"kind":"Robot","firstName":"A","lastName":"B","email":"ab@example.org","officeId":"OFFICE"}""")] // unknown enum value
    [InlineData("""{"kind":"Person","firstName":"A","lastName":"B","email":"ab@example.org","officeId":12}""")] // wrong type
    [InlineData("""{"kind":"Person","firstName":"A","lastName":"B","email":"ab@example.org","officeId":"not-a-guid"}""")] // malformed id
    [InlineData("""{"kind":"Person","birthDate":"31/12/1990","firstName":"A","lastName":"B","email":"ab@example.org","officeId":"OFFICE"}""")] // bad date
    [InlineData("""{"kind":"Person",""")] // truncated JSON
    [InlineData("")] // empty body
    public async Task Given_an_unreadable_body_Then_400_problem_details_not_500(string body)
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var membersBefore = await MembersAsync();

        var response = await admin.PostAsync("/api/governance/members",
            new StringContent(body.Replace("OFFICE", structure.LilleOfficeId.ToString()), Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(membersBefore, await MembersAsync());
    }

    [Fact]
    public async Task Given_malformed_query_values_or_ids_Then_400_or_404_problem_details()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);

        await (await admin.GetAsync("/api/governance/members?page=abc")).AssertFieldErrorsAsync("page");
        await (await admin.GetAsync("/api/governance/members?officeId=lille")).AssertFieldErrorsAsync("officeId");
        await (await admin.GetAsync("/api/governance/members/not-a-guid")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_a_body_over_the_size_limit_Then_413_problem_details()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var huge = "{\"kind\":\"Person\",\"firstName\":\"" + new string('a', 11 * 1024 * 1024) + "\"}";

        var response = await admin.PostAsync("/api/governance/members", new StringContent(huge, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Given_an_e_mail_already_registered_in_the_entity_Then_409_and_nothing_written()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var body = new { kind = "Person", firstName = "Ana", lastName = "Twice", email = $"twice-{Guid.NewGuid():N}@example.org", officeId = structure.LilleOfficeId };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/governance/members", body)).StatusCode);
        var membersBefore = await MembersAsync();

        var problem = await (await admin.PostAsJsonAsync("/api/governance/members", body with { officeId = structure.ParisOfficeId }))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("MemberEmailIsUniqueInEntity", problem.GetProperty("rule").GetString());
        Assert.Equal(membersBefore, await MembersAsync());
    }

    [Fact]
    public async Task Given_a_registration_in_the_future_or_under_16_Then_409()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var future = await admin.PostAsJsonAsync("/api/governance/members", new
        {
            kind = "Person", firstName = "Tom", lastName = "Later", email = $"later-{Guid.NewGuid():N}@example.org", officeId = structure.LilleOfficeId,
            registeredOn = today.AddDays(1),
        });
        var young = await admin.PostAsJsonAsync("/api/governance/members", new
        {
            kind = "Person", firstName = "Tim", lastName = "Young", email = $"young-{Guid.NewGuid():N}@example.org", officeId = structure.LilleOfficeId,
            birthDate = today.AddYears(-16).AddDays(1),
        });

        Assert.Equal("RegistrationIsNotInTheFuture", (await future.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal("MemberIsOfAge", (await young.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Given_someone_elses_member_Then_404_for_members_advisors_of_other_offices_and_admins_of_other_entities()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var lilleMember = await MessagingRegister(admin, structure.LilleOfficeId);
        var otherLilleMember = await MessagingRegister(admin, structure.LilleOfficeId);

        var member = await app.ClientAsync(SmartRoles.Member, lilleMember, structure.EntityId, structure.LilleOfficeId);
        var parisAdvisor = await app.ClientAsync(SmartRoles.Advisor, entityId: structure.EntityId, officeId: structure.ParisOfficeId);
        var lilleAdvisor = await app.ClientAsync(SmartRoles.Advisor, entityId: structure.EntityId, officeId: structure.LilleOfficeId);
        var otherEntityAdmin = await app.ClientAsync(SmartRoles.Admin, entityId: structure.OtherEntityId);
        var operatorOfEntity = await app.ClientAsync(SmartRoles.Operator, entityId: structure.EntityId);

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/governance/members/{lilleMember}")).StatusCode);
        Assert.Equal(lilleMember, (await member.GetFromJsonAsync<MemberBody>("/api/governance/members/me"))!.Id);
        await (await member.GetAsync($"/api/governance/members/{otherLilleMember}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await parisAdvisor.GetAsync($"/api/governance/members/{lilleMember}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherEntityAdmin.GetAsync($"/api/governance/members/{lilleMember}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/governance/members/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await lilleAdvisor.GetAsync($"/api/governance/members/{lilleMember}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorOfEntity.GetAsync($"/api/governance/members/{lilleMember}")).StatusCode);
    }

    [Fact]
    public async Task Given_a_login_tied_to_no_entity_nor_member_Then_it_sees_no_entity_office_or_member()
    {
        var structure = await app.SeedStructureAsync();
        var stranger = await app.ClientAsync(SmartRoles.Member);

        Assert.Empty((await stranger.GetFromJsonAsync<List<JsonElement>>("/api/governance/entities"))!);
        Assert.Empty((await stranger.GetFromJsonAsync<List<JsonElement>>("/api/governance/offices"))!);
        Assert.Equal(0, (await stranger.GetFromJsonAsync<PagedResult<MemberBody>>("/api/governance/members"))!.Total);
        await (await stranger.GetAsync($"/api/governance/entities/{structure.EntityId}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_a_search_Then_matching_members_by_last_or_legal_name_then_first_name_a_page_at_a_time_with_wildcards_taken_literally()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var body in new object[]
        {
            new { kind = "Person", firstName = "Bo", lastName = $"Zeta{tag}", email = $"bo-{tag}@example.org", officeId = structure.ParisOfficeId },
            new { kind = "LegalEntity", legalName = $"Beta{tag} Asso", legalForm = "Association", email = $"asso-{tag}@example.org", officeId = structure.ParisOfficeId },
            new { kind = "Person", firstName = "Al", lastName = $"Zeta{tag}", email = $"al-{tag}@example.org", officeId = structure.ParisOfficeId },
            new { kind = "Person", firstName = "Jo", lastName = $"Alpha{tag}", email = $"jo-{tag}@example.org", officeId = structure.ParisOfficeId },
        })
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/governance/members", body)).StatusCode);
        }

        var first = (await admin.GetFromJsonAsync<PagedResult<MemberBody>>($"/api/governance/members?search={tag.ToUpperInvariant()}&pageSize=2"))!;
        var second = (await admin.GetFromJsonAsync<PagedResult<MemberBody>>($"/api/governance/members?search={tag}&pageSize=2&page=2"))!;

        Assert.Equal(4, first.Total);
        Assert.Equal([$"Jo Alpha{tag}", $"Beta{tag} Asso", $"Al Zeta{tag}", $"Bo Zeta{tag}"], first.Items.Concat(second.Items).Select(m => m.DisplayName));
        Assert.Equal(0, (await admin.GetFromJsonAsync<PagedResult<MemberBody>>($"/api/governance/members?search=Alph_{tag}"))!.Total);
        Assert.Equal(0, (await admin.GetFromJsonAsync<PagedResult<MemberBody>>($"/api/governance/members?search=Z%25{tag}"))!.Total);
        Assert.Equal(0, (await admin.GetFromJsonAsync<PagedResult<MemberBody>>($"/api/governance/members?search={tag}&officeId={structure.LilleOfficeId}"))!.Total);
    }

    [Fact]
    public async Task Given_the_member_list_Then_each_caller_sees_only_their_scope()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var mine = await MessagingRegister(admin, structure.ParisOfficeId);
        var member = await app.ClientAsync(SmartRoles.Member, mine, structure.EntityId, structure.ParisOfficeId);
        var parisAdvisor = await app.ClientAsync(SmartRoles.Advisor, entityId: structure.EntityId, officeId: structure.ParisOfficeId);

        var own = await member.GetFromJsonAsync<PagedResult<MemberBody>>("/api/governance/members?pageSize=200");
        var office = await parisAdvisor.GetFromJsonAsync<PagedResult<MemberBody>>("/api/governance/members?pageSize=200");
        var entity = await admin.GetFromJsonAsync<PagedResult<MemberBody>>("/api/governance/members?pageSize=200");

        Assert.Equal(mine, Assert.Single(own!.Items).Id);
        Assert.All(office!.Items, m => Assert.Equal(structure.ParisOfficeId, m.OfficeId));
        Assert.Contains(office.Items, m => m.Id == mine);
        Assert.All(entity!.Items, m => Assert.Equal(structure.EntityId, m.EntityId));
        Assert.True(entity.Total > office.Total);
        await (await admin.GetAsync("/api/governance/members?pageSize=0")).AssertFieldErrorsAsync("pageSize");
    }

    [Fact]
    public async Task Given_an_admin_of_one_entity_When_registering_in_another_entitys_office_Then_404_and_nothing_written()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var membersBefore = await MembersAsync();

        var response = await admin.PostAsJsonAsync("/api/governance/members", new
        {
            kind = "Person", firstName = "Noé", lastName = "Ailleurs", email = $"noe-{Guid.NewGuid():N}@example.org", officeId = structure.OtherEntityOfficeId,
        });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(membersBefore, await MembersAsync());
    }

    [Fact]
    public async Task Given_callers_who_are_not_admins_or_not_logged_in_Then_writes_are_403_and_401()
    {
        var structure = await app.SeedStructureAsync();
        var advisor = await app.ClientAsync(SmartRoles.Advisor, entityId: structure.EntityId, officeId: structure.LilleOfficeId);
        var anonymous = app.CreateClient();
        var body = new { kind = "Person", firstName = "A", lastName = "B", email = "ab@example.org", officeId = structure.LilleOfficeId };

        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.PostAsJsonAsync("/api/governance/members", body)).StatusCode);
        await (await anonymous.PostAsJsonAsync("/api/governance/members", body)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/governance/members")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private async Task<Guid> MessagingRegister(HttpClient admin, Guid officeId)
    {
        var response = await admin.PostAsJsonAsync("/api/governance/members", new
        {
            kind = "Person", firstName = "Sam", lastName = "Scope", email = $"scope-{Guid.NewGuid():N}@example.org", officeId,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ResourceCreated>())!.Id;
    }

    private Task<int> MembersAsync() => app.QueryStoreAsync<IGovernanceStore, int>(session => session.Query<Member>().CountAsync());
}
