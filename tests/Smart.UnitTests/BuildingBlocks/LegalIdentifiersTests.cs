using Smart.BuildingBlocks.Validation;

namespace Smart.UnitTests.BuildingBlocks;

public sealed class LegalIdentifiersTests
{
    [Theory]
    [InlineData("404833048", true)]
    [InlineData("404 833 048", true)]
    [InlineData("404833049", false)]
    [InlineData("40483304", false)]
    [InlineData("40483304A", false)]
    public void Given_a_SIREN_Then_its_Luhn_key_decides(string siren, bool valid) => Assert.Equal(valid, LegalIdentifiers.IsSiren(siren));

    [Theory]
    [InlineData("40483304800022", true)]
    [InlineData("404 833 048 00022", true)]
    [InlineData("40483304800023", false)]
    [InlineData("4048330480002", false)]
    public void Given_a_SIRET_Then_its_Luhn_key_decides(string siret, bool valid) => Assert.Equal(valid, LegalIdentifiers.IsSiret(siret));

    [Theory]
    [InlineData("FR83404833048", true)]
    [InlineData("FR 96 552100554", true)]
    [InlineData("FR84404833048", false)]
    [InlineData("DE83404833048", false)]
    [InlineData("FR8340483304", false)]
    public void Given_a_French_VAT_number_Then_its_key_must_match_the_SIREN(string vat, bool valid) =>
        Assert.Equal(valid, LegalIdentifiers.IsFrenchVatNumber(vat));

    [Theory]
    [InlineData("FR7630006000011234567890189", true)]
    [InlineData("FR76 3000 6000 0112 3456 7890 189", true)]
    [InlineData("FR7630006000011234567890188", false)]
    [InlineData("7630006000011234567890189FR", false)]
    [InlineData("FR76", false)]
    public void Given_an_IBAN_Then_mod_97_decides(string iban, bool valid) => Assert.Equal(valid, LegalIdentifiers.IsIban(iban));

    [Theory]
    [InlineData("AGRIFRPP", true)]
    [InlineData("AGRIFRPP882", true)]
    [InlineData("AGRI1RPP", false)]
    [InlineData("AGRIFRPP88", false)]
    public void Given_a_BIC_Then_its_shape_decides(string bic, bool valid) => Assert.Equal(valid, LegalIdentifiers.IsBic(bic));

    [Theory]
    [InlineData("7022Z", true)]
    [InlineData("70.22Z", true)]
    [InlineData("7022", false)]
    [InlineData("702ZZ", false)]
    public void Given_an_APE_code_Then_four_digits_and_a_letter(string ape, bool valid) => Assert.Equal(valid, LegalIdentifiers.IsApeCode(ape));

    [Theory]
    [InlineData("185057800608491", true)]
    [InlineData("1 85 05 78 006 084 91", true)]
    [InlineData("185057800608492", false)]
    [InlineData("269029934173285", true)]
    [InlineData("569029934173285", false)]
    [InlineData("2930699123456 66", true)]
    [InlineData("18505780060849", false)]
    public void Given_a_social_security_number_Then_its_key_is_97_minus_the_number_mod_97(string nir, bool valid) =>
        Assert.Equal(valid, LegalIdentifiers.IsSocialSecurityNumber(nir));

    [Fact]
    public void Given_a_Corsican_social_security_number_Then_2A_counts_as_19_in_the_key()
    {
        // 1 80 01 2A 004 001: with 19 for 2A the 13 digits are 1800119004001; 97 − (1800119004001 mod 97) = 68.
        Assert.True(LegalIdentifiers.IsSocialSecurityNumber("180012A00400168"));
        // 1 80 06 2A 123 456: the key is computed on 1800619123456.
        var key = 97 - (int)(1800619123456L % 97);
        Assert.True(LegalIdentifiers.IsSocialSecurityNumber($"180062A123456{key:00}"));
        Assert.False(LegalIdentifiers.IsSocialSecurityNumber($"180062A123456{(key + 1) % 97:00}"));
    }

    [Fact]
    public void Given_a_social_security_number_Then_a_payslip_shows_its_last_four_characters_only() =>
        Assert.Equal("•••••••••••8491", LegalIdentifiers.MaskSocialSecurityNumber("1 85 05 78 006 084 91"));
}
