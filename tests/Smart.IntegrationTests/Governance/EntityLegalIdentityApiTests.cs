using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Governance;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Entities;
using Wolverine.Tracking;

namespace Smart.IntegrationTests.Governance;

public sealed class EntityLegalIdentityApiTests(SmartApp app) : IClassFixture<SmartApp>
{
    private sealed record Address(string Line1, string? Line2, string PostalCode, string City, string Country);

    private sealed record Identity(DateOnly EffectiveFrom, string LegalName, string LegalForm, decimal? ShareCapital, Address Address, string Siren, string Siret,
        string RcsCity, string VatNumber, string ApeCode, string CollectiveAgreement, string Urssaf, string Iban, string Bic, decimal LatePaymentPenaltyRate,
        decimal RecoveryIndemnity, string? Logo);

    private sealed record IdentityBody(Guid EntityId, string Code, DateOnly On, Identity? InForce, List<Identity> History);

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    // A 1×1 PNG.
    private const string PngLogo = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    /// <summary>SmartFr's identity as a client types it: identifiers with spaces, the APE with its dot.</summary>
    private static Dictionary<string, object?> Body(DateOnly from) => new()
    {
        ["effectiveFrom"] = from, ["legalName"] = "SMart FR", ["legalForm"] = "SCIC SA à capital variable", ["shareCapital"] = null,
        ["address"] = new { line1 = "18 rue des Artisans", line2 = (string?)null, postalCode = "59000", city = "Lille", country = "FR" },
        ["siren"] = "901 234 567", ["siret"] = "901 234 567 00039", ["rcsCity"] = "Lille Métropole", ["vatNumber"] = "FR 15 901 234 567", ["apeCode"] = "74.90B",
        ["collectiveAgreement"] = "Convention collective nationale des entreprises artistiques et culturelles (IDCC 1285)",
        ["urssaf"] = "URSSAF Nord-Pas-de-Calais, compte n° 317 000 000 012 345", ["iban"] = "FR76 4255 9100 0008 0012 3456 771", ["bic"] = "CCOPFRPPXXX",
        ["latePaymentPenaltyRate"] = 0.1215m, ["recoveryIndemnity"] = 40m, ["logo"] = PngLogo,
    };

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, string field, object? value) => new(body) { [field] = value };

    [Fact]
    public async Task Given_the_demo_data_Then_a_member_reads_SmartFr_s_identity_in_Lille_today_and_in_Paris_in_2020()
    {
        var structure = await app.SeedStructureAsync();
        var member = await app.ClientAsync(SmartRoles.Member, entityId: structure.EntityId);

        var today = await member.GetFromJsonAsync<IdentityBody>($"/api/governance/entities/{structure.EntityId}/legal-identity");
        var in2020 = await member.GetFromJsonAsync<IdentityBody>($"/api/governance/entities/{structure.EntityId}/legal-identity?on=2020-06-30");

        Assert.Equal(("SmartFr", "SMart FR", "SCIC SA à capital variable", "90123456700021", "Lille Métropole", "FR15901234567", "7490B"),
            (today!.Code, today.InForce!.LegalName, today.InForce.LegalForm, today.InForce.Siret, today.InForce.RcsCity, today.InForce.VatNumber, today.InForce.ApeCode));
        Assert.Equal(("FR7642559100000800123456771", "CCOPFRPPXXX", 0.1215m, 40m), (today.InForce.Iban, today.InForce.Bic, today.InForce.LatePaymentPenaltyRate, today.InForce.RecoveryIndemnity));
        Assert.Equal(("90123456700013", "Paris", "75011"), (in2020!.InForce!.Siret, in2020.InForce.RcsCity, in2020.InForce.Address.PostalCode));
        Assert.Equal([new DateOnly(2013, 1, 1), new DateOnly(2021, 9, 1)], today.History.Take(2).Select(v => v.EffectiveFrom));
        Assert.Null((await member.GetFromJsonAsync<IdentityBody>($"/api/governance/entities/{structure.EntityId}/legal-identity?on=2012-12-31"))!.InForce);
        await (await member.GetAsync($"/api/governance/entities/{structure.OtherEntityId}/legal-identity")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_a_valid_identity_from_a_future_date_Then_204_it_is_stored_compact_with_its_logo_and_published()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var from = Today.AddDays(30 + Random.Shared.Next(1000));

        HttpResponseMessage response = null!;
        var tracked = await app.TrackAsync(async () => response = await admin.PostAsJsonAsync($"/api/governance/entities/{structure.EntityId}/legal-identity", Body(from)));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var then = await admin.GetFromJsonAsync<IdentityBody>($"/api/governance/entities/{structure.EntityId}/legal-identity?on={from:yyyy-MM-dd}");
        Assert.Equal((from, "90123456700039", "FR15901234567", "7490B", "FR7642559100000800123456771", PngLogo),
            (then!.InForce!.EffectiveFrom, then.InForce.Siret, then.InForce.VatNumber, then.InForce.ApeCode, then.InForce.Iban, then.InForce.Logo));
        var dayBefore = await admin.GetFromJsonAsync<IdentityBody>($"/api/governance/entities/{structure.EntityId}/legal-identity?on={from.AddDays(-1):yyyy-MM-dd}");
        Assert.Equal("90123456700021", dayBefore!.InForce!.Siret); // not in force yet
        var published = Assert.Single(tracked.FindEnvelopesWithMessageType<EntityLegalIdentityChanged>().Select(r => (EntityLegalIdentityChanged)r.Message!)
            .DistinctBy(e => (e.EntityId, e.EffectiveFrom)));
        Assert.Equal((structure.EntityId, "SmartFr", from, "90123456700039", "image/png", Convert.FromBase64String(PngLogo).Length),
            (published.EntityId, published.EntityCode, published.EffectiveFrom, published.Identity.Siret, published.Logo!.ContentType, published.Logo.Content.Length));
    }

    [Theory]
    [InlineData("siret", "901 234 567 00038")]                  // Luhn key off by one
    [InlineData("siret", "912 345 675 00017")]                  // a right SIRET, of another SIREN
    [InlineData("siren", "901 234 568")]
    [InlineData("iban", "FR76 4255 9100 0008 0012 3456 772")]   // mod 97 off by one
    [InlineData("vatNumber", "FR 16 901 234 567")]              // wrong key
    [InlineData("vatNumber", "FR 65 912 345 675")]              // a right VAT number, of another SIREN
    [InlineData("bic", "CCOP-FR")]
    [InlineData("apeCode", "749B")]
    [InlineData("logo", "R0lGODlhAQABAAAAACw=")]                // a GIF
    [InlineData("logo", "not base64!")]
    [InlineData("latePaymentPenaltyRate", 12.15)]               // a percentage, not a fraction
    [InlineData("recoveryIndemnity", -40)]
    [InlineData("legalName", "")]
    public async Task Given_a_wrong_field_Then_400_naming_it_and_nothing_changes(string field, object value)
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var before = await VersionsAsync(structure.EntityId);

        HttpResponseMessage response = null!;
        var tracked = await app.TrackAsync(async () => response = await admin.PostAsJsonAsync($"/api/governance/entities/{structure.EntityId}/legal-identity",
            With(Body(Today.AddDays(5000)), field, value is double d ? (decimal)d : value is int i ? (decimal)i : value)));

        Assert.Equal([field], await FieldErrorsAsync(response));
        Assert.Equal(before, await VersionsAsync(structure.EntityId));
        Assert.Empty(tracked.FindEnvelopesWithMessageType<EntityLegalIdentityChanged>());
    }

    [Fact]
    public async Task Given_a_logo_over_256_KB_or_an_address_without_city_Then_400_naming_them()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var bigPng = Convert.ToBase64String([.. Convert.FromBase64String(PngLogo), .. new byte[256 * 1024]]);

        var body = With(With(Body(Today.AddDays(5000)), "logo", bigPng), "address", new { line1 = "18 rue des Artisans", postalCode = "59000", city = "", country = "FR" });

        Assert.Equal(["address.city", "logo"], (await FieldErrorsAsync(await admin.PostAsJsonAsync($"/api/governance/entities/{structure.EntityId}/legal-identity", body))).Order());
    }

    [Fact]
    public async Task Given_a_retroactive_identity_Then_409_and_nothing_changes()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var before = await VersionsAsync(structure.EntityId);

        HttpResponseMessage response = null!;
        var tracked = await app.TrackAsync(async () => response = await admin.PostAsJsonAsync($"/api/governance/entities/{structure.EntityId}/legal-identity",
            Body(Today.AddDays(-1))));

        Assert.Equal("SettingsChangeIsNotRetroactive", (await response.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(before, await VersionsAsync(structure.EntityId));
        Assert.Empty(tracked.FindEnvelopesWithMessageType<EntityLegalIdentityChanged>());
    }

    [Fact]
    public async Task Given_another_entity_an_unknown_one_or_an_advisor_Then_404_404_and_403()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var advisor = await app.ClientAsync(SmartRoles.Advisor, entityId: structure.EntityId, officeId: structure.LilleOfficeId);
        var body = Body(Today.AddDays(6000));

        await (await admin.PostAsJsonAsync($"/api/governance/entities/{structure.OtherEntityId}/legal-identity", body)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync($"/api/governance/entities/{Guid.NewGuid()}/legal-identity", body)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/governance/entities/{Guid.NewGuid()}/legal-identity")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.PostAsJsonAsync($"/api/governance/entities/{structure.EntityId}/legal-identity", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await advisor.GetAsync($"/api/governance/entities/{structure.EntityId}/legal-identity")).StatusCode);
    }

    [Fact]
    public async Task Given_a_new_entity_created_with_two_identity_versions_Then_both_are_stored_and_published_and_a_wrong_key_is_a_400_naming_the_item()
    {
        await app.SeedStructureAsync();
        var platformAdmin = await app.ClientAsync(SmartRoles.Admin);
        var code = "Test" + Random.Shared.Next(1_000_000);
        var settings = new[] { new { effectiveFrom = new DateOnly(2020, 1, 1), contributionRate = 0.10m, payoutRule = "EndOfMonth", payoutDay = 0, defaultVatRate = 0.20m, guaranteeFundAdvanceAllowed = true } };

        HttpResponseMessage created = null!;
        var tracked = await app.TrackAsync(async () => created = await platformAdmin.PostAsJsonAsync("/api/governance/entities", new
        {
            code, name = "Smart (test)", kind = "Scic", country = "FR", settings,
            legalIdentity = new[] { With(Body(new DateOnly(2020, 1, 1)), "logo", null), Body(new DateOnly(2024, 1, 1)) },
        }));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<ResourceCreated>())!.Id;
        var identity = await platformAdmin.GetFromJsonAsync<IdentityBody>($"/api/governance/entities/{id}/legal-identity?on=2023-12-31");
        Assert.Equal((2, (string?)null), (identity!.History.Count, identity.InForce!.Logo));
        Assert.Equal([new DateOnly(2020, 1, 1), new DateOnly(2024, 1, 1)],
            tracked.FindEnvelopesWithMessageType<EntityLegalIdentityChanged>().Select(r => (EntityLegalIdentityChanged)r.Message!).Where(e => e.EntityId == id)
                .Select(e => e.EffectiveFrom).Distinct().Order());
        Assert.Equal(["legalIdentity[1].siret"], await FieldErrorsAsync(await platformAdmin.PostAsJsonAsync("/api/governance/entities", new
        {
            code = code + "B", name = "Smart (test)", kind = "Scic", country = "FR", settings,
            legalIdentity = new[] { Body(new DateOnly(2020, 1, 1)), With(Body(new DateOnly(2024, 1, 1)), "siret", "90123456700038") },
        })));
    }

    private static async Task<List<string>> FieldErrorsAsync(HttpResponseMessage response) =>
        (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();

    private Task<int> VersionsAsync(Guid entityId) => app.QueryStoreAsync<IGovernanceStore, int>(async session =>
        (await session.LoadAsync<CooperativeEntity>(entityId))!.LegalIdentity.Count);
}
