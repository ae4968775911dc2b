using Bogus;
using Marten;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Offices;

namespace Smart.Modules.Governance.Seed;

/// <summary>
/// The advisors of the demo offices: about one per 20 members of SmartFr's larger offices, one in each smaller office
/// and in the other entities' offices; the demo advisor account (README) advises Lille. A little history for the
/// report's year-end counts: a Lille advisor who left last year, a Paris advisor who moved to Lyon at the start of this
/// year. Their own random sequence, so the rest of the seed draws the same data as before.
/// </summary>
internal static class AdvisorsDemoData
{
    /// <summary>The demo advisor account's e-mail (README): the host gives its login the Lille office.</summary>
    public const string DemoAdvisorEmail = "advisor@smart.coop";

    private static readonly Dictionary<string, int> SmartFrAdvisors = new()
    {
        ["Paris"] = 4, ["Lille"] = 4, ["Lyon"] = 3, ["Marseille"] = 2, ["Montpellier"] = 2, ["Strasbourg"] = 2, ["Rennes"] = 2, ["Toulouse"] = 2,
        ["Nantes"] = 2,
    };

    public static IReadOnlyList<object> Seed(IDocumentSession session, Guid smartFrId, IReadOnlyList<Office> offices, DateOnly today)
    {
        var faker = new Faker("fr") { Random = new Randomizer(2024) };
        var events = new List<object>();
        var assignments = new List<AdvisorAssignment>();
        var lastYear = new DateOnly(today.Year - 1, 1, 1);
        var thisYear = new DateOnly(today.Year, 1, 1);

        AdvisorAssignment Assign(Office office, string fullName, string email, DateOnly startsOn)
        {
            var assignment = AdvisorAssignment.Assign(office, fullName, email, startsOn, overlapping: false);
            assignments.Add(assignment);
            events.Add(assignment.ToAssigned());
            return assignment;
        }

        AdvisorAssignment AssignSomeone(Office office, DateOnly startsOn)
        {
            var (first, last) = (faker.Name.FirstName(), faker.Name.LastName());
            return Assign(office, $"{first} {last}", faker.Internet.Email(first, last, "smart.coop"), startsOn);
        }

        void End(AdvisorAssignment assignment, DateOnly endsOn)
        {
            assignment.End(endsOn);
            events.Add(assignment.ToEnded());
        }

        DateOnly Since() => DateOnly.FromDateTime(faker.Date.Between(new DateTime(2016, 1, 4), new DateTime(today.Year - 1, 6, 30)));

        foreach (var office in offices)
        {
            var count = office.EntityId == smartFrId ? SmartFrAdvisors.GetValueOrDefault(office.Name, 1) : 1;
            if (office.EntityId == smartFrId && office.Name == "Lille")
            {
                Assign(office, "Claire Lefebvre", DemoAdvisorEmail, new DateOnly(2017, 9, 4));
                count--;
                End(AssignSomeone(office, new DateOnly(2016, 2, 1)), lastYear.AddMonths(8).AddDays(-1));
            }
            for (var i = 0; i < count; i++) AssignSomeone(office, Since());
        }

        var paris = offices.First(o => o.EntityId == smartFrId && o.Name == "Paris");
        var lyon = offices.First(o => o.EntityId == smartFrId && o.Name == "Lyon");
        var mover = assignments.First(a => a.OfficeId == paris.Id);
        End(mover, thisYear.AddDays(-1));
        Assign(lyon, mover.FullName, mover.Email, thisYear);

        session.Insert<AdvisorAssignment>(assignments);
        return events;
    }
}
