using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Offices;

namespace Smart.UnitTests.Governance;

/// <summary>The register of advisors: one office at a time, an end once and never before the start, in force through its last day.</summary>
public sealed class AdvisorAssignmentTests
{
    private static readonly Office Lille = Office.Open(Guid.NewGuid(), "Lille");

    [Fact]
    public void Given_an_advisor_assigned_from_2019_09_02_and_ended_on_2026_06_30_Then_they_advise_the_office_through_that_day_and_both_events_say_so()
    {
        var assignment = AdvisorAssignment.Assign(Lille, " Claire Lefebvre ", " Claire.Lefebvre@Smart.COOP ", new DateOnly(2019, 9, 2), overlapping: false);
        assignment.End(new DateOnly(2026, 6, 30));

        Assert.Equal(new AdvisorAssigned(assignment.Id, Lille.EntityId, Lille.Id, "Claire Lefebvre", "claire.lefebvre@smart.coop", new DateOnly(2019, 9, 2)),
            assignment.ToAssigned());
        Assert.Equal(new AdvisorAssignmentEnded(assignment.Id, Lille.EntityId, Lille.Id, new DateOnly(2026, 6, 30)), assignment.ToEnded());
        Assert.False(assignment.IsInForceOn(new DateOnly(2019, 9, 1)));
        Assert.True(assignment.IsInForceOn(new DateOnly(2019, 9, 2)));
        Assert.True(assignment.IsInForceOn(new DateOnly(2026, 6, 30)));
        Assert.False(assignment.IsInForceOn(new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void Given_a_person_already_advising_an_office_Then_a_second_assignment_is_refused()
    {
        var refused = Assert.Throws<BusinessRuleViolationException>(() =>
            AdvisorAssignment.Assign(Lille, "Claire Lefebvre", "claire.lefebvre@smart.coop", new DateOnly(2026, 1, 5), overlapping: true));

        Assert.Contains("already advises", refused.Message);
    }

    [Fact]
    public void Given_an_end_before_the_start_or_a_second_end_Then_it_is_refused_and_the_first_end_stays()
    {
        var assignment = AdvisorAssignment.Assign(Lille, "Claire Lefebvre", "claire.lefebvre@smart.coop", new DateOnly(2026, 3, 2), overlapping: false);

        Assert.Throws<BusinessRuleViolationException>(() => assignment.End(new DateOnly(2026, 3, 1)));
        assignment.End(new DateOnly(2026, 3, 2));
        Assert.Throws<BusinessRuleViolationException>(() => assignment.End(new DateOnly(2026, 12, 31)));
        Assert.Equal(new DateOnly(2026, 3, 2), assignment.EndsOn);
    }
}
