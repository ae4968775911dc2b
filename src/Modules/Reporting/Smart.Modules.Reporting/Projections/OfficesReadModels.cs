using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Projections;

/// <summary>A version of Governance's member life rules, from its date.</summary>
internal sealed record MemberLifeRulesVersion(DateOnly EffectiveFrom, decimal ActiveRevenue, int ActiveContracts, decimal LocalBudgetShare) : IEffectiveDated
{
    public MemberTypologyRule Typology() => new(ActiveRevenue, ActiveContracts);
}

/// <summary>An entity's member life rules (id: the entity), every version as Governance last set it.</summary>
internal sealed class MemberLifeRulesHistory : IReadModel
{
    public string Id { get; set; } = "";
    public Guid EntityId { get; set; }
    public List<MemberLifeRulesVersion> Versions { get; set; } = [];

    public static string Key(Guid entityId) => entityId.ToString();

    public void Absorb(object fact)
    {
        if (fact is not MemberLifeRulesNoted noted) return;
        EntityId = noted.EntityId;
        Versions = [.. Versions.Where(v => v.EffectiveFrom != noted.EffectiveFrom),
            new MemberLifeRulesVersion(noted.EffectiveFrom, noted.ActiveRevenue, noted.ActiveContracts, noted.LocalBudgetShare)];
    }
}

/// <summary>The contribution of one day on an office's members' invoices (less their credit notes').</summary>
internal sealed record DatedContribution(DateOnly Date, decimal Amount);

/// <summary>
/// The contribution on one office's members' invoices in one year (id: entity:office:year), by day: the local budget is
/// computed when the report is made, each day's contribution shared by the rules in force on that day, so rules that
/// reach Reporting after the invoices still apply (ADR 0113).
/// </summary>
internal sealed class OfficeContributionYear : IReadModel
{
    public string Id { get; set; } = "";
    public Guid EntityId { get; set; }
    public Guid OfficeId { get; set; }
    public int Year { get; set; }
    public List<DatedContribution> Days { get; set; } = [];

    /// <summary>An invoice with no coordinator is nobody's (Governance counts it in no member's figures): no key.</summary>
    public static IReadOnlyList<string> Keys(Guid entityId, Guid officeId, Guid coordinatorId, DateOnly date) =>
        coordinatorId == Guid.Empty ? [] : [$"{entityId}:{officeId}:{date.Year}"];

    public void Absorb(object fact)
    {
        switch (fact)
        {
            case InvoiceRecorded i:
                Add(i.EntityId, i.OfficeId, i.IssueDate, i.Contribution);
                break;
            case CreditNoteRecorded c:
                Add(c.EntityId, c.OfficeId, c.IssueDate, -c.Contribution);
                break;
        }
    }

    private void Add(Guid entityId, Guid officeId, DateOnly date, decimal amount)
    {
        (EntityId, OfficeId, Year) = (entityId, officeId, date.Year);
        var i = Days.FindIndex(d => d.Date == date);
        if (i < 0) Days.Add(new DatedContribution(date, amount));
        else Days[i] = Days[i] with { Amount = Days[i].Amount + amount };
    }

    /// <summary>Each day's contribution times the office's share in force that day; a day without rules in force counts nothing.</summary>
    public decimal LocalBudget(IReadOnlyList<MemberLifeRulesVersion> rules) =>
        Days.Sum(d => d.Amount * (rules.InForceOn(d.Date)?.LocalBudgetShare ?? 0m));
}

/// <summary>An advisor's assignment to an office; <see cref="StartsOn"/> unknown (MinValue) while only its end has arrived.</summary>
internal sealed record AdvisorPeriod(Guid OfficeId, DateOnly StartsOn, DateOnly? EndsOn)
{
    public bool IsInForceOn(DateOnly date) => StartsOn != DateOnly.MinValue && StartsOn <= date && (EndsOn is null || date <= EndsOn);
}

/// <summary>An entity's advisors by office (id: the entity), every assignment with its dates as Governance published them.</summary>
internal sealed class OfficeAdvisors : IReadModel
{
    public string Id { get; set; } = "";
    public Guid EntityId { get; set; }
    public Dictionary<Guid, AdvisorPeriod> Assignments { get; set; } = [];

    public static string Key(Guid entityId) => entityId.ToString();

    public void Absorb(object fact)
    {
        switch (fact)
        {
            case AdvisorAssignmentNoted a:
                EntityId = a.EntityId;
                Assignments[a.AssignmentId] = new AdvisorPeriod(a.OfficeId, a.StartsOn, Assignments.GetValueOrDefault(a.AssignmentId)?.EndsOn);
                break;
            case AdvisorAssignmentEndNoted e:
                EntityId = e.EntityId;
                Assignments[e.AssignmentId] = (Assignments.GetValueOrDefault(e.AssignmentId) ?? new AdvisorPeriod(e.OfficeId, DateOnly.MinValue, null)) with { EndsOn = e.EndsOn };
                break;
        }
    }

    /// <summary>The advisors attached to <paramref name="officeId"/> on <paramref name="date"/>.</summary>
    public int On(Guid officeId, DateOnly date) => Assignments.Values.Count(a => a.OfficeId == officeId && a.IsInForceOn(date));
}
