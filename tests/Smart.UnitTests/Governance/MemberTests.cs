using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Offices;

namespace Smart.UnitTests.Governance;

public sealed class MemberTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Office Lille = Office.Open(Guid.NewGuid(), " Lille ");

    [Fact]
    public void Given_a_person_Then_the_member_belongs_to_the_office_and_its_entity_and_the_event_says_so()
    {
        var member = Member.RegisterPerson(" Camille ", "Martin", " Camille.Martin@Example.ORG ", Gender.Female, new DateOnly(1987, 5, 14), Lille, Today, Today);

        var registered = member.ToMemberRegistered();

        Assert.Equal("Lille", Lille.Name);
        Assert.Equal(("Camille Martin", "camille.martin@example.org"), (member.DisplayName, member.Email));
        Assert.Equal((Lille.EntityId, Lille.Id), (registered.EntityId, registered.OfficeId));
        Assert.Equal((MemberKind.Person, Gender.Female, new DateOnly(1987, 5, 14), Today), (registered.Kind, registered.Gender, registered.BirthDate, registered.RegisteredOn));
    }

    [Fact]
    public void Given_an_association_Then_its_display_name_is_its_legal_name()
    {
        var member = Member.RegisterLegalEntity("Compagnie du Rivage", LegalForm.Association, "contact@rivage.org", Lille, Today, Today);

        Assert.Equal((MemberKind.LegalEntity, "Compagnie du Rivage", (Gender?)null), (member.Kind, member.DisplayName, member.Gender));
    }

    [Fact]
    public void Given_a_registration_tomorrow_Then_it_is_refused()
    {
        var error = Assert.Throws<BusinessRuleViolationException>(() =>
            Member.RegisterPerson("A", "B", "a@b.org", null, null, Lille, Today.AddDays(1), Today));

        Assert.Equal("RegistrationIsNotInTheFuture", error.Rule);
    }

    [Theory]
    [InlineData("2010-11-23", false)] // 16 on the day
    [InlineData("2010-11-24", true)] // 16 tomorrow
    public void Given_a_person_Then_they_must_be_16_on_the_registration_date(string birthDate, bool refused)
    {
        var register = () => Member.RegisterPerson("A", "B", "a@b.org", null, DateOnly.Parse(birthDate), Lille, Today, Today);

        if (refused)
        {
            Assert.Equal("MemberIsOfAge", Assert.Throws<BusinessRuleViolationException>(register).Rule);
        }
        else
        {
            Assert.NotNull(register());
        }
    }
}
