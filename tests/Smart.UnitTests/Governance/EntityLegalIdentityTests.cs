using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Governance.Seed;

namespace Smart.UnitTests.Governance;

public sealed class EntityLegalIdentityTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private static readonly EntityLegalIdentity Identity = new("SMart FR", "SCIC SA à capital variable", null,
        new PostalAddress("18 rue des Artisans", null, "59000", "Lille", "FR"), "901 234 567", "901 234 567 00021", "Lille Métropole", "fr 15 901 234 567", "74.90b",
        "Convention collective nationale des entreprises artistiques et culturelles (IDCC 1285)", "URSSAF Nord-Pas-de-Calais, compte n° 317 000 000 012 345",
        "FR76 4255 9100 0008 0012 3456 771", "ccopfrppxxx", 0.1215m, 40m);

    private static CooperativeEntity Entity(string country = "FR", IReadOnlyList<EntityLegalIdentityVersion>? identity = null) =>
        CooperativeEntity.Create("SmartFr", "Smart France", EntityKind.Scic, country,
            [new(new DateOnly(2013, 1, 1), 0.085m, PayoutRule.DaysAfterEndOfWork(7), 0.20m, true)], identity);

    private static BusinessRuleViolationException Refused(EntityLegalIdentity identity, byte[]? logo = null) =>
        Assert.Throws<BusinessRuleViolationException>(() => new EntityLegalIdentityVersion(Today, identity, logo));

    [Theory]
    [InlineData("2012-12-31", null)]
    [InlineData("2013-01-01", "90123456700013")]
    [InlineData("2021-08-31", "90123456700013")]
    [InlineData("2021-09-01", "90123456700021")]
    [InlineData("2026-11-30", "90123456700021")]
    public void Given_SmartFr_moving_to_Lille_in_2021_Then_the_SIRET_is_the_one_in_force_on_the_date(string date, string? siret)
    {
        var smartFr = Entity(identity: DemoLegalIdentities.SmartFr);

        Assert.Equal(siret, smartFr.LegalIdentityOn(DateOnly.Parse(date))?.Identity.Siret);
    }

    [Fact]
    public void Given_the_demo_identities_Then_every_one_passes_the_checks_and_carries_its_entity_s_SIREN()
    {
        var all = DemoLegalIdentities.SmartFr.Concat(DemoLegalIdentities.GrandsEnsemble).Concat(DemoLegalIdentities.Alterna).Concat(DemoLegalIdentities.CoopPortage).ToList();

        Assert.Equal(5, all.Count);
        Assert.All(all, v => Assert.Equal(v.Identity.Siren, v.Identity.VatNumber[4..]));
        Assert.Equal(4, all.Select(v => v.Identity.Siren).Distinct().Count());
    }

    [Fact]
    public void Given_identifiers_typed_with_spaces_and_lower_case_Then_they_are_kept_compact()
    {
        var version = new EntityLegalIdentityVersion(Today, Identity);

        Assert.Equal(("901234567", "90123456700021", "FR15901234567", "7490B", "FR7642559100000800123456771", "CCOPFRPPXXX"),
            (version.Identity.Siren, version.Identity.Siret, version.Identity.VatNumber, version.Identity.ApeCode, version.Identity.Iban, version.Identity.Bic));
    }

    [Fact]
    public void Given_a_SIRET_with_a_wrong_key_Then_the_version_is_refused_naming_the_SIRET()
    {
        var refused = Refused(Identity with { Siret = "90123456700022" });

        Assert.Equal("IdentifiersHaveValidKeys", refused.Rule);
        Assert.EndsWith(": SIRET.", refused.Message);
    }

    [Fact]
    public void Given_an_IBAN_and_a_VAT_number_with_wrong_keys_Then_both_are_named()
    {
        var refused = Refused(Identity with { Iban = "FR7642559100000800123456772", VatNumber = "FR16901234567" });

        Assert.EndsWith(": VAT number, IBAN.", refused.Message);
    }

    [Fact]
    public void Given_a_SIRET_of_another_SIREN_Then_the_version_is_refused()
    {
        // 912 345 675 00017 is a right SIRET, but of Grands Ensemble's SIREN.
        Assert.Equal("SiretStartsWithSiren", Refused(Identity with { Siret = "91234567500017" }).Rule);
    }

    [Fact]
    public void Given_a_French_VAT_number_of_another_SIREN_Then_the_version_is_refused()
    {
        Assert.Equal("FrenchVatNumberCarriesSiren", Refused(Identity with { VatNumber = "FR65912345675" }).Rule);
    }

    [Theory]
    [InlineData("1.00")]
    [InlineData("-0.01")]
    public void Given_a_penalty_rate_outside_0_to_1_Then_the_version_is_refused(string rate)
    {
        Assert.Equal("RateIsAFraction", Refused(Identity with { LatePaymentPenaltyRate = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture) }).Rule);
    }

    [Fact]
    public void Given_a_negative_recovery_indemnity_Then_the_version_is_refused()
    {
        Assert.Equal("AmountIsNotNegative", Refused(Identity with { RecoveryIndemnity = -40m }).Rule);
    }

    [Fact]
    public void Given_a_blank_legal_name_and_city_Then_the_version_names_what_is_missing()
    {
        var refused = Refused(Identity with { LegalName = " ", Address = Identity.Address with { City = "" } });

        Assert.Equal("LegalIdentityIsComplete", refused.Rule);
        Assert.EndsWith("missing: legal name, city.", refused.Message);
    }

    [Fact]
    public void Given_a_PNG_logo_Then_the_event_tells_its_type_and_a_GIF_or_an_oversized_image_is_refused()
    {
        var entity = Entity();
        var version = new EntityLegalIdentityVersion(Today, Identity, Png);
        entity.ChangeLegalIdentity(version, Today);

        var published = entity.ToLegalIdentityChanged(version);

        Assert.Equal(("image/png", 12, "SmartFr", Today), (published.Logo!.ContentType, published.Logo.Content.Length, published.EntityCode, published.EffectiveFrom));
        Assert.Equal("image/jpeg", EntityLogos.ContentTypeOf([0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Equal("LogoIsAnImage", Refused(Identity, "GIF89a"u8.ToArray()).Rule);
        Assert.Equal("LogoIsAnImage", Refused(Identity, [.. Png, .. new byte[EntityLogos.MaxBytes - Png.Length + 1]]).Rule);
        Assert.Null(Record.Exception(() => new EntityLegalIdentityVersion(Today, Identity, [.. Png, .. new byte[EntityLogos.MaxBytes - Png.Length]])));
    }

    [Fact]
    public void Given_an_identity_change_before_today_or_on_the_latest_version_Then_it_is_refused_and_a_later_one_is_kept()
    {
        var smartFr = Entity(identity: DemoLegalIdentities.SmartFr);

        var retroactive = Assert.Throws<BusinessRuleViolationException>(() => smartFr.ChangeLegalIdentity(new(Today.AddDays(-1), Identity), Today));
        smartFr.ChangeLegalIdentity(new(Today.AddDays(30), Identity with { LegalName = "SMart France" }), Today);
        var sameDay = Assert.Throws<BusinessRuleViolationException>(() => smartFr.ChangeLegalIdentity(new(Today.AddDays(30), Identity), Today));

        Assert.Equal(("SettingsChangeIsNotRetroactive", "SettingsChangeFollowsLatestVersion"), (retroactive.Rule, sameDay.Rule));
        Assert.Equal(3, smartFr.LegalIdentity.Count);
        Assert.Equal("SMart FR", smartFr.LegalIdentityOn(Today.AddDays(29))!.Identity.LegalName);
        Assert.Equal("SMart France", smartFr.LegalIdentityOn(Today.AddDays(30))!.Identity.LegalName);
    }

    [Fact]
    public void Given_an_entity_without_identity_Then_its_first_version_may_start_today()
    {
        var entity = Entity();

        entity.ChangeLegalIdentity(new(Today, Identity), Today);

        Assert.Null(entity.LegalIdentityOn(Today.AddDays(-1)));
        Assert.Equal("90123456700021", entity.LegalIdentityOn(Today)!.Identity.Siret);
    }

    [Fact]
    public void Given_a_French_entity_with_a_Belgian_VAT_number_Then_it_is_refused_and_a_Belgian_entity_keeps_it()
    {
        var belgian = Identity with { VatNumber = "BE0123456749" };

        var refused = Assert.Throws<BusinessRuleViolationException>(() => Entity("FR").ChangeLegalIdentity(new(Today, belgian), Today));
        var smartBe = Entity("BE");
        smartBe.ChangeLegalIdentity(new(Today, belgian), Today);

        Assert.Equal("FrenchEntityHasFrenchVatNumber", refused.Rule);
        Assert.Equal("BE0123456749", smartBe.LegalIdentityOn(Today)!.Identity.VatNumber);
    }

    [Fact]
    public void Given_two_identity_versions_on_the_same_day_at_creation_Then_the_entity_is_refused()
    {
        var refused = Assert.Throws<BusinessRuleViolationException>(() => Entity(identity: [new(Today, Identity), new(Today, Identity)]));

        Assert.Equal("SettingsDatesAreDistinct", refused.Rule);
    }
}
