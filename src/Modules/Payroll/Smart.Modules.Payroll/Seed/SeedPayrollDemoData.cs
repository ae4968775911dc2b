using Bogus;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Domain.Employment;
using Smart.Modules.Payroll.Domain.Gdc;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.Features.Rates;
using Smart.Modules.Payroll.Features.Gdc;
using Smart.Modules.Payroll.Persistence;
using Smart.Modules.Payroll.Members;
using Smart.Modules.Payroll.Contracts;

namespace Smart.Modules.Payroll.Seed;

/// <summary>
/// The local default's contract-management demo: every employer structure Governance published gives a mandate (partial
/// or complete; some signed last year and renewed for this one), register a handful of employees each (valid social
/// security numbers) and declare contracts for the coming weeks of this year — contracts cannot be back-dated, so no
/// monthly run has paid them yet. Members' own contracts come from the Activities demo's salary requests.
/// Idempotent: does nothing once mandates exist.
/// </summary>
public sealed record SeedPayrollDemoData;

public sealed class SeedPayrollDemoDataHandler(TimeProvider clock)
{
    private static readonly (string Job, ContractKind Kind, ContractCategory Category, decimal HourlyMin, decimal HourlyMax)[] Jobs =
    [
        ("Comédien·ne", ContractKind.Cddu, ContractCategory.Artistic, 18m, 35m),
        ("Musicien·ne", ContractKind.Cddu, ContractCategory.Artistic, 18m, 40m),
        ("Danseur·se", ContractKind.Cddu, ContractCategory.Artistic, 18m, 30m),
        ("Technicien·ne son", ContractKind.Cddu, ContractCategory.Employee, 16m, 28m),
        ("Régisseur·se", ContractKind.Cdd, ContractCategory.Employee, 16m, 26m),
        ("Animateur·rice d'atelier", ContractKind.Cdd, ContractCategory.Employee, 13m, 20m),
        ("Agent d'accueil (étudiant·e)", ContractKind.Cdd, ContractCategory.Student, 12.10m, 14m),
    ];

    /// <summary>The pay-date message of every contract declared, for Wolverine to schedule with the transaction.</summary>
    public async Task<OutgoingMessages> HandleAsync(SeedPayrollDemoData command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var salariesDue = new OutgoingMessages();
        var today = clock.Today();
        var lastDay = new DateOnly(today.Year, 12, 31);
        if (await session.Query<Mandate>().AnyAsync(cancellationToken) || lastDay.DayNumber - today.DayNumber < 7)
        {
            // Contracts must start after today and within the mandate's civil year: too late in December to show any.
            return salariesDue;
        }
        var faker = new Faker("fr") { Random = new Randomizer(2018) };
        var configuration = await session.ConfigurationAsync(cancellationToken);
        var employers = await session.Query<Employee>().Where(e => e.Kind == MemberKind.LegalEntity).OrderBy(e => e.MemberId).ToListAsync(cancellationToken);

        foreach (var employer in employers)
        {
            var facts = new EmployerFacts(employer.MemberId, IsLegalEntity: true, employer.EntityId, employer.OfficeId);
            var identity = new PayslipEmployer(employer.DisplayName, "Association loi 1901",
                new PostalAddress(faker.Address.StreetAddress(), null, faker.Address.ZipCode("#####"), faker.Address.City(), "FR"), Siret(faker), "9001Z",
                "Convention collective des entreprises artistiques et culturelles (IDCC 1285)", $"URSSAF, compte {faker.Random.ReplaceNumbers("##################")}");
            var scope = faker.Random.Bool(0.6f) ? MandateScope.Partial : MandateScope.Complete;
            Mandate mandate;
            if (faker.Random.Bool(0.5f))
            {
                var previous = Mandate.Sign(facts, identity, scope, new DateOnly(today.Year - 1, faker.Random.Int(2, 11), faker.Random.Int(1, 28)), false, today);
                mandate = previous.Renew(scope, null, new DateOnly(today.Year - 1, 12, faker.Random.Int(1, 20)), false, today);
                session.Insert(previous);
            }
            else
            {
                mandate = Mandate.Sign(facts, identity, scope, DateBetween(faker, new DateOnly(today.Year, 1, 2), today), false, today);
            }
            session.Insert(mandate);

            for (var e = faker.Random.Int(2, 6); e > 0; e--)
            {
                var gender = faker.Random.Bool(0.6f) ? Gender.Female : Gender.Male;
                var birth = DateBetween(faker, today.AddYears(-62), today.AddYears(-19));
                var employee = GdcEmployee.Register(mandate, employer.MemberId, faker.Name.FirstName(gender == Gender.Female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male),
                    faker.Name.LastName(), birth, gender, SocialSecurityNumber(faker, gender, birth), faker.PickRandom(0m, 0.025m, 0.045m, 0.075m), today);
                session.Insert(employee);

                for (var c = faker.Random.Int(1, 3); c > 0; c--)
                {
                    var (job, kind, category, hourlyMin, hourlyMax) = faker.PickRandom(Jobs);
                    var days = faker.Random.Int(1, 5);
                    var start = DateBetween(faker, today.AddDays(1), lastDay.AddDays(1 - days));
                    var limits = configuration.WorkingTimeLimitsOn(start);
                    var minimumWage = configuration.MinimumWageOn(start);
                    var hours = days * limits.HoursPerWorkedDay;
                    var hourly = Math.Max(faker.Random.Decimal(hourlyMin, hourlyMax), minimumWage.HourlyRate);
                    var gross = Math.Ceiling(hours * hourly);
                    var expenses = faker.Random.Bool(0.4f) ? days * faker.PickRandom(20.20m, 21.10m, 65.00m) : 0m;
                    var terms = new ContractTerms(kind, category, start, start.AddDays(days - 1), days, null, job);
                    var contract = await session.DeclareGdcContractAsync(employee, mandate, terms, gross, expenses, clock, cancellationToken);
                    salariesDue.Add(contract.ToDeclared(employee));
                    salariesDue.Add(GdcPayslips.SalaryDue(contract, clock));
                }
            }
        }
        return salariesDue;
    }

    /// <summary>A well-formed NIR for the demo: sex, birth year and month, a department and commune, an order, then its key.</summary>
    private static string SocialSecurityNumber(Faker faker, Gender gender, DateOnly birth)
    {
        var first13 = $"{(gender == Gender.Female ? 2 : 1)}{birth.Year % 100:D2}{birth.Month:D2}{faker.Random.Int(1, 95):D2}{faker.Random.Int(1, 999):D3}{faker.Random.Int(1, 999):D3}";
        return $"{first13}{97 - long.Parse(first13) % 97:D2}";
    }

    /// <summary>A well-formed SIRET for the demo: 13 random digits, then the one that makes the Luhn sum a multiple of 10.</summary>
    private static string Siret(Faker faker)
    {
        var first13 = faker.Random.ReplaceNumbers("#############");
        // Doubled from the right once the check digit is appended: the 13th digit (index 12) is doubled, then every other one.
        var sum = first13.Select((c, i) => (c - '0') * ((12 - i) % 2 == 0 ? 2 : 1)).Sum(d => d > 9 ? d - 9 : d);
        return first13 + (10 - sum % 10) % 10;
    }

    private static DateOnly DateBetween(Faker faker, DateOnly from, DateOnly to) =>
        DateOnly.FromDateTime(faker.Date.Between(from.ToDateTime(TimeOnly.MinValue), to.ToDateTime(TimeOnly.MinValue)));
}
