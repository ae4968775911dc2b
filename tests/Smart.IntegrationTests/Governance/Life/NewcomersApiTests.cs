using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Activities;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Governance;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Newcomers;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Training.Contracts;

namespace Smart.IntegrationTests.Governance.Life;

/// <summary>
/// Typology, local budgets, welcome paths and sponsorship over HTTP, fed by Activities' and Payroll's events, in SmartFr
/// (its demo rules since 2013: active from 3,000 € or 3 contracts over 12 months, 20 % of the contribution to the office,
/// sponsors of 12 months with 3 newcomers at most, newcomers for 6 months). Today is 2026-03-02.
/// </summary>
public sealed class NewcomersApiTests(CooperativeLifeApp app) : IClassFixture<CooperativeLifeApp>
{
    private sealed record Setup(Structure Structure, HttpClient Admin, Guid OfficeId);

    private async Task<Setup> StartAsync()
    {
        var community = await CommunityScenario.StartAsync(app);
        return new Setup(community.Structure, community.Admin, await community.OfficeAsync());
    }

    private static async Task<(Guid Id, HttpClient Client)> MemberAsync(SmartApp app, Setup setup, string registeredOn = "2026-03-02", Guid? officeId = null,
        string firstName = "Noa")
    {
        var office = officeId ?? setup.OfficeId;
        var response = await setup.Admin.PostAsJsonAsync("/api/governance/members", new
        {
            kind = "Person", firstName, lastName = "Lefèvre", email = $"{firstName.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org", officeId = office, registeredOn,
        });
        var id = await ActivitiesScenario.CreatedIdAsync(response);
        return (id, await app.ClientAsync(SmartRoles.Member, id, setup.Structure.EntityId, office));
    }

    /// <summary>An invoice of <paramref name="net"/> excl. VAT with 10 % of contribution, as Activities publishes it.</summary>
    private Task InvoiceAsync(Setup setup, Guid memberId, string issued, decimal net = 1_000m, Guid? invoiceId = null) =>
        app.PublishAsync(Invoice(setup, memberId, issued, net, invoiceId ?? Guid.NewGuid()));

    private static InvoiceIssued Invoice(Setup setup, Guid memberId, string issued, decimal net, Guid invoiceId)
    {
        var date = DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture);
        return new InvoiceIssued(invoiceId, $"FA-{invoiceId:N}"[..20], setup.Structure.EntityId, Guid.NewGuid(), Guid.NewGuid(), "Théâtre du Nord", "PublicBody",
            date, date.AddDays(30), net, net * 0.2m, net * 1.2m, "EUR", net * 0.1m, setup.OfficeId, memberId);
    }

    private Task ContractAsync(Setup setup, Guid memberId, string start)
    {
        var date = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        var (contractId, activityId) = (Guid.NewGuid(), Guid.NewGuid());
        // An activity made up for Governance's figures: Reporting waits for its opening in vain; the test is done once
        // Governance handled the contract.
        ExpectedDeadLetters.Expect<ContractDeclared>($"No ActivityRecorded is recorded in stream {activityId} ");
        return app.PublishAsync(new ContractDeclared(contractId, Guid.NewGuid(), activityId, setup.Structure.EntityId, memberId, ContractKind.Cdd, ContractCategory.Artistic,
            false, date, date, 1m, 8m, "Comédienne", "DPAE-1", date.AddDays(-1)), until: new Succeeded<ContractDeclared>(c => c.ContractId == contractId, at: "governance.inbound"));
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response) => await CooperativeLifeScenario.OkAsync(response);

    [Fact]
    public async Task Given_two_invoices_of_1000_in_March_2026_Then_occasional_on_2026_11_30_and_inactive_on_2027_03_15_and_a_redelivery_counts_once()
    {
        var setup = await StartAsync();
        var (memberId, member) = await MemberAsync(app, setup, "2025-01-10");
        var first = Guid.NewGuid();
        await InvoiceAsync(setup, memberId, "2026-03-01", invoiceId: first);
        await InvoiceAsync(setup, memberId, "2026-03-02");
        await app.PublishAsync(Invoice(setup, memberId, "2026-03-01", 1_000m, first));

        var november = await member.GetFromJsonAsync<JsonElement>($"/api/governance/members/{memberId}/typology?on=2026-11-30");
        Assert.Equal(("Occasional", 2, 2_000m, "2025-12-01"),
            (november.GetProperty("typology").GetString(), november.GetProperty("invoices").GetInt32(), november.GetProperty("revenue").GetDecimal(), november.GetProperty("from").GetString()));
        var march = await member.GetFromJsonAsync<JsonElement>($"/api/governance/members/{memberId}/typology?on=2027-03-15");
        Assert.Equal(("Inactive", 0), (march.GetProperty("typology").GetString(), march.GetProperty("invoices").GetInt32()));

        // 3,000 € over 12 months makes an active member.
        await InvoiceAsync(setup, memberId, "2026-02-20");
        Assert.Equal("Active", (await member.GetFromJsonAsync<JsonElement>($"/api/governance/members/{memberId}/typology?on=2026-11-30")).GetProperty("typology").GetString());

        var (_, otherMember) = await MemberAsync(app, setup);
        await (await otherMember.GetAsync($"/api/governance/members/{memberId}/typology")).AssertProblemAsync(HttpStatusCode.NotFound);
        var foreignAdmin = await app.ClientAsync(SmartRoles.Admin, entityId: setup.Structure.OtherEntityId);
        await (await foreignAdmin.GetAsync($"/api/governance/members/{memberId}/typology")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await member.GetAsync($"/api/governance/members/{memberId}/typology?on=2026-02-30")).AssertFieldErrorsAsync("on");
    }

    [Fact]
    public async Task Given_figures_kept_as_one_document_per_member_before_ADR_0121_When_migrated_Then_each_entry_is_a_row_and_counts_once()
    {
        var setup = await StartAsync();
        var (memberId, member) = await MemberAsync(app, setup, "2025-01-10");
        var (march, april) = (Guid.NewGuid(), Guid.NewGuid());
        // The document as Marten stored it: every entry of the member in one list; the April invoice also arrived as a row since.
        var legacy = JsonSerializer.Serialize(new
        {
            Id = memberId, EntityId = setup.Structure.EntityId, OfficeIds = new[] { setup.OfficeId }, Version = 2,
            Entries = new[]
            {
                new { SourceId = march, Kind = "Invoice", Date = "2026-03-01", OfficeId = setup.OfficeId, Revenue = 1_000m, Contribution = 100m },
                new { SourceId = april, Kind = "Invoice", Date = "2026-04-01", OfficeId = setup.OfficeId, Revenue = 2_500m, Contribution = 250m },
            },
        });
        await using (var connection = new Npgsql.NpgsqlConnection(app.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await new Npgsql.NpgsqlCommand($"CREATE TABLE {GovernanceStore.Schema}.mt_doc_memberfigures (id uuid PRIMARY KEY, data jsonb NOT NULL); "
                + $"INSERT INTO {GovernanceStore.Schema}.mt_doc_memberfigures VALUES ('{memberId}', '{legacy}')", connection).ExecuteNonQueryAsync();
        }
        await InvoiceAsync(setup, memberId, "2026-04-01", 2_500m, april);

        await new GovernanceModule().MigrateAsync(app.Services, CancellationToken.None);

        var november = await member.GetFromJsonAsync<JsonElement>($"/api/governance/members/{memberId}/typology?on=2026-11-30");
        Assert.Equal((2, 3_500m, "Active"), (november.GetProperty("invoices").GetInt32(), november.GetProperty("revenue").GetDecimal(), november.GetProperty("typology").GetString()));
        await using (var connection = new Npgsql.NpgsqlConnection(app.Database.ConnectionString))
        {
            await connection.OpenAsync();
            Assert.Null(await new Npgsql.NpgsqlCommand($"SELECT to_regclass('{GovernanceStore.Schema}.mt_doc_memberfigures')::text", connection).ExecuteScalarAsync() as string);
        }
        // Migrating again finds nothing to move.
        await new GovernanceModule().MigrateAsync(app.Services, CancellationToken.None);
        Assert.Equal(2, (await member.GetFromJsonAsync<JsonElement>($"/api/governance/members/{memberId}/typology?on=2026-11-30")).GetProperty("invoices").GetInt32());
    }

    [Fact]
    public async Task Given_an_office_of_an_active_an_occasional_and_an_inactive_member_Then_staff_see_one_of_each()
    {
        var setup = await StartAsync();
        var (employed, _) = await MemberAsync(app, setup, "2025-01-10");
        var (billed, _) = await MemberAsync(app, setup, "2025-01-10");
        await MemberAsync(app, setup, "2025-01-10");
        foreach (var start in new[] { "2026-01-05", "2026-02-02", "2026-03-02" }) await ContractAsync(setup, employed, start);
        await InvoiceAsync(setup, billed, "2026-02-10", 500m);

        var advisor = await app.ClientAsync(SmartRoles.Advisor, entityId: setup.Structure.EntityId, officeId: setup.OfficeId);
        var counts = await advisor.GetFromJsonAsync<JsonElement>($"/api/governance/offices/{setup.OfficeId}/typology?on=2026-03-31");
        Assert.Equal((1, 1, 1), (counts.GetProperty("active").GetInt32(), counts.GetProperty("occasional").GetInt32(), counts.GetProperty("inactive").GetInt32()));
        // Before the members registered, the office had none.
        var before = await advisor.GetFromJsonAsync<JsonElement>($"/api/governance/offices/{setup.OfficeId}/typology?on=2024-12-31");
        Assert.Equal(0, before.GetProperty("active").GetInt32() + before.GetProperty("occasional").GetInt32() + before.GetProperty("inactive").GetInt32());

        await (await advisor.GetAsync($"/api/governance/offices/{setup.OfficeId}/typology?on=abc")).AssertFieldErrorsAsync("on");
        var foreignAdmin = await app.ClientAsync(SmartRoles.Admin, entityId: setup.Structure.OtherEntityId);
        await (await foreignAdmin.GetAsync($"/api/governance/offices/{setup.OfficeId}/typology")).AssertProblemAsync(HttpStatusCode.NotFound);
        var (_, member) = await MemberAsync(app, setup);
        await (await member.GetAsync($"/api/governance/offices/{setup.OfficeId}/typology")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Given_10_invoices_of_1000_at_10_percent_Then_the_office_budget_is_200_and_a_credit_note_of_500_takes_10_back()
    {
        var setup = await StartAsync();
        var (memberId, _) = await MemberAsync(app, setup, "2025-01-10");
        var credited = Guid.NewGuid();
        for (var day = 1; day <= 10; day++)
        {
            await InvoiceAsync(setup, memberId, $"2026-02-{day:00}", invoiceId: day == 1 ? credited : null);
        }
        await InvoiceAsync(setup, memberId, "2025-12-31");
        var staff = await app.ClientAsync(SmartRoles.Operator, entityId: setup.Structure.EntityId);
        var budget = await staff.GetFromJsonAsync<JsonElement>($"/api/governance/offices/{setup.OfficeId}/local-budget?year=2026");
        Assert.Equal((1_000m, 200m), (budget.GetProperty("contribution").GetDecimal(), budget.GetProperty("budget").GetDecimal()));

        var creditNote = new CreditNoteIssued(Guid.NewGuid(), "AV-1", credited, setup.Structure.EntityId, Guid.NewGuid(), new DateOnly(2026, 3, 2), 500m, 100m, 600m, "EUR");
        await app.PublishAsync(creditNote);
        await app.PublishAsync(creditNote);
        budget = await staff.GetFromJsonAsync<JsonElement>($"/api/governance/offices/{setup.OfficeId}/local-budget?year=2026");
        Assert.Equal((950m, 190m), (budget.GetProperty("contribution").GetDecimal(), budget.GetProperty("budget").GetDecimal()));
        Assert.Equal(20m, (await staff.GetFromJsonAsync<JsonElement>($"/api/governance/offices/{setup.OfficeId}/local-budget?year=2025")).GetProperty("budget").GetDecimal());
        Assert.Equal(190m, (await staff.GetFromJsonAsync<JsonElement>($"/api/governance/offices/{setup.OfficeId}/local-budget")).GetProperty("budget").GetDecimal());

        await (await staff.GetAsync($"/api/governance/offices/{setup.OfficeId}/local-budget?year=1999")).AssertFieldErrorsAsync("year");
        await (await staff.GetAsync($"/api/governance/offices/{setup.OfficeId}/local-budget?year=abc")).AssertFieldErrorsAsync("year");
        var foreignAdmin = await app.ClientAsync(SmartRoles.Admin, entityId: setup.Structure.OtherEntityId);
        await (await foreignAdmin.GetAsync($"/api/governance/offices/{setup.OfficeId}/local-budget")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_a_newcomer_Then_events_tick_their_welcome_path_and_an_active_member_of_12_months_sponsors_them_once_with_an_email()
    {
        var setup = await StartAsync();
        var (newcomerId, newcomer) = await MemberAsync(app, setup, "2026-02-01");
        var path = await newcomer.GetFromJsonAsync<JsonElement>($"/api/governance/members/{newcomerId}/welcome-path");
        Assert.Equal(["InformationSessionAttended", "SponsorAssigned", "FirstActivityOpened", "FirstInvoiceIssued", "FirstContractDeclared", "FirstTrainingAttended"],
            path.GetProperty("left").EnumerateArray().Select(s => s.GetString()!).ToArray());

        await app.PublishAsync(new ActivityOpened(Guid.NewGuid(), setup.Structure.EntityId, setup.OfficeId, newcomerId, "Compagnie Les Échappées", ActivityKind.LivePerformance, 1,
            new DateOnly(2026, 2, 3)));
        await InvoiceAsync(setup, newcomerId, "2026-02-20");
        await InvoiceAsync(setup, newcomerId, "2026-02-10");
        path = await newcomer.GetFromJsonAsync<JsonElement>($"/api/governance/members/{newcomerId}/welcome-path");
        var done = path.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!, s => s.GetProperty("doneOn").GetString());
        Assert.Equal(("2026-02-03", "2026-02-10", null), (done["FirstActivityOpened"], done["FirstInvoiceIssued"], done["FirstContractDeclared"]));

        var advisor = await app.ClientAsync(SmartRoles.Advisor, entityId: setup.Structure.EntityId, officeId: setup.OfficeId);
        var (sponsorId, _) = await MemberAsync(app, setup, "2025-01-10", setup.Structure.LilleOfficeId, "Maëlle");
        var (tooRecent, _) = await MemberAsync(app, setup, "2025-06-01");
        var sponsorPath = $"/api/governance/members/{newcomerId}/sponsor";
        // Not active yet: 2,000 € over 12 months.
        await InvoiceAsync(setup, sponsorId, "2026-01-15", 2_000m);
        await (await advisor.PostAsJsonAsync(sponsorPath, new { sponsorId })).AssertProblemAsync(HttpStatusCode.Conflict);
        await InvoiceAsync(setup, sponsorId, "2026-02-15", 1_000m);
        await InvoiceAsync(setup, tooRecent, "2026-02-15", 5_000m);
        await (await advisor.PostAsJsonAsync(sponsorPath, new { sponsorId = tooRecent })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await advisor.PostAsJsonAsync(sponsorPath, new { sponsorId = Guid.Empty })).AssertFieldErrorsAsync("sponsorId");
        var (foreignMember, _) = await ForeignMemberAsync(setup);
        await (await advisor.PostAsJsonAsync(sponsorPath, new { sponsorId = foreignMember })).AssertProblemAsync(HttpStatusCode.NotFound);
        var otherAdvisor = await app.ClientAsync(SmartRoles.Advisor, entityId: setup.Structure.EntityId, officeId: setup.Structure.ParisOfficeId);
        await (await otherAdvisor.PostAsJsonAsync(sponsorPath, new { sponsorId })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await newcomer.PostAsJsonAsync(sponsorPath, new { sponsorId })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(JsonValueKind.Null, (await newcomer.GetFromJsonAsync<JsonElement>($"/api/governance/members/{newcomerId}/welcome-path")).GetProperty("sponsorId").ValueKind);

        var sponsored = await OkAsync(await advisor.PostAsJsonAsync(sponsorPath, new { sponsorId }));
        Assert.Equal((sponsorId, "2026-03-02", "Maëlle Lefèvre"),
            (sponsored.GetProperty("sponsorId").GetGuid(), sponsored.GetProperty("sponsoredOn").GetString(), sponsored.GetProperty("sponsorName").GetString()));
        await (await advisor.PostAsJsonAsync(sponsorPath, new { sponsorId })).AssertProblemAsync(HttpStatusCode.Conflict);
        await app.WaitForBusIdleAsync();
        var newcomerEmail = (await setup.Admin.GetFromJsonAsync<JsonElement>($"/api/governance/members/{newcomerId}")).GetProperty("email").GetString()!;
        var mail = Assert.Single(CommunityScenario.Mails(app), m => m.To.Mailboxes.Any(b => b.Address == newcomerEmail));
        Assert.Contains("Maëlle Lefèvre", mail.Subject, StringComparison.Ordinal);

        await ContractAsync(setup, newcomerId, "2026-03-09");
        // A workshop ticks nothing; an information session and a training of the catalogue tick their steps.
        await app.PublishAsync(new MemberAttended(Guid.NewGuid(), Guid.NewGuid(), newcomerId, SessionKind.Workshop, new DateOnly(2026, 2, 4)));
        await app.PublishAsync(new MemberAttended(Guid.NewGuid(), Guid.NewGuid(), newcomerId, SessionKind.InformationSession, new DateOnly(2026, 2, 5)));
        path = await advisor.GetFromJsonAsync<JsonElement>($"/api/governance/members/{newcomerId}/welcome-path");
        Assert.Equal(["FirstTrainingAttended"], path.GetProperty("left").EnumerateArray().Select(s => s.GetString()!).ToArray());
        await app.PublishAsync(new MemberAttended(Guid.NewGuid(), Guid.NewGuid(), newcomerId, SessionKind.Training, new DateOnly(2026, 3, 12)));
        path = await advisor.GetFromJsonAsync<JsonElement>($"/api/governance/members/{newcomerId}/welcome-path");
        Assert.True(path.GetProperty("complete").GetBoolean());
        Assert.Empty(path.GetProperty("left").EnumerateArray());

        var (_, otherMember) = await MemberAsync(app, setup);
        await (await otherMember.GetAsync($"/api/governance/members/{newcomerId}/welcome-path")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdvisor.GetAsync($"/api/governance/members/{newcomerId}/welcome-path")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<(Guid Id, HttpClient Client)> ForeignMemberAsync(Setup setup)
    {
        var foreignAdmin = await app.ClientAsync(SmartRoles.Admin, entityId: setup.Structure.OtherEntityId);
        var response = await foreignAdmin.PostAsJsonAsync("/api/governance/members", new
        {
            kind = "Person", firstName = "Lou", lastName = "Bernard", email = $"lou-{Guid.NewGuid():N}@example.org", officeId = setup.Structure.OtherEntityOfficeId, registeredOn = "2020-01-01",
        });
        var id = await ActivitiesScenario.CreatedIdAsync(response);
        return (id, await app.ClientAsync(SmartRoles.Member, id, setup.Structure.OtherEntityId, setup.Structure.OtherEntityOfficeId));
    }

    [Fact]
    public async Task Given_new_thresholds_from_a_future_date_Then_they_join_the_history_while_bad_input_is_400_and_a_past_date_409()
    {
        // An entity of its own, with no rules yet: SmartFr's are the other tests'.
        var scenario = await new CooperativeLifeScenario(app).StartAsync();
        var path = $"/api/governance/entities/{scenario.EntityId}/member-life-rules";
        object Version(string from, decimal share = 0.25m) => new
        {
            effectiveFrom = from, activeRevenue = 5_000m, activeContracts = 4, localBudgetShare = share, sponsorMinimumMonths = 24, maxNewcomersPerSponsor = 2, newcomerMonths = 12,
        };
        var (memberId, member) = await scenario.Structure.MemberAsync();
        await (await member.GetAsync($"/api/governance/members/{memberId}/typology")).AssertProblemAsync(HttpStatusCode.Conflict);

        var history = await OkAsync(await scenario.Admin.PostAsJsonAsync(path, Version("2026-03-02")));
        Assert.Equal(["2026-03-02"], history.EnumerateArray().Select(v => v.GetProperty("effectiveFrom").GetString()!).ToArray());
        history = await OkAsync(await scenario.Admin.PostAsJsonAsync(path, Version("2027-01-01")));
        HttpResponseMessage corrected = null!;
        var correction = await app.TrackAsync(async () => corrected = await scenario.Admin.PostAsJsonAsync(path, Version("2027-01-01", 0.30m)));
        history = await OkAsync(corrected);
        // Published for the annual report, the correction as a version of its date (ADR 0113).
        Assert.Equal(new MemberLifeRulesSet(scenario.EntityId, new DateOnly(2027, 1, 1), 5_000m, 4, 0.30m, CooperativeLifeApp.Today),
            Assert.Single(correction.Published<MemberLifeRulesSet>()));
        Assert.Equal(["2026-03-02", "2027-01-01"], history.EnumerateArray().Select(v => v.GetProperty("effectiveFrom").GetString()!).ToArray());
        Assert.Equal(0.30m, history[1].GetProperty("localBudgetShare").GetDecimal());
        Assert.Equal("Inactive", (await member.GetFromJsonAsync<JsonElement>($"/api/governance/members/{memberId}/typology")).GetProperty("typology").GetString());

        await (await scenario.Admin.PostAsJsonAsync(path, new { effectiveFrom = "2027-02-01", activeRevenue = -1, activeContracts = 0, localBudgetShare = 1.5m, newcomerMonths = 0 }))
            .AssertFieldErrorsAsync("activeRevenue", "activeContracts", "localBudgetShare", "maxNewcomersPerSponsor", "newcomerMonths");
        HttpResponseMessage retroactive = null!;
        var refused = await app.TrackAsync(async () => retroactive = await scenario.Admin.PostAsJsonAsync(path, Version("2026-01-01")));
        await retroactive.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Empty(refused.Published<MemberLifeRulesSet>());
        var other = await new CooperativeLifeScenario(app).StartAsync();
        await (await other.Admin.PostAsJsonAsync(path, Version("2027-02-01"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Admin.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await member.PostAsJsonAsync(path, Version("2027-02-01"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(2, (await member.GetFromJsonAsync<JsonElement>(path)).GetArrayLength());
        var stored = await app.QueryStoreAsync<IGovernanceStore, int>(s => Marten.QueryableExtensions.CountAsync(s.Query<MemberLifeRules>().Where(r => r.EntityId == scenario.EntityId)));
        Assert.Equal(2, stored);
    }
}
