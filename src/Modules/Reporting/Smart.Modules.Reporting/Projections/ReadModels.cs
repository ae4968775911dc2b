using Smart.Modules.Activities.Contracts;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Projections;

// The documents the async daemon keeps from the journal's facts (ADR 0095): each sums one year of one thing along the
// dimensions its tables need, so a report reads a few hundred or thousand of them, never the invoices one by one.
// They are read models: public state, rebuilt from the journal at will.

/// <summary>A read model summing facts under a key of its dimensions (its id); <see cref="Absorb"/> adds one fact.</summary>
internal interface IReadModel
{
    string Id { get; set; }

    /// <summary>Not "Apply": Marten would take it for a conventional projection method.</summary>
    void Absorb(object fact);
}

/// <summary>A member as registered (id: the member): office, gender and birth date for the tables by office, gender and age.</summary>
internal sealed class MemberProfile
{
    public Guid Id { get; set; }
    public Guid EntityId { get; set; }
    public Guid OfficeId { get; set; }
    public MemberKind Kind { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public Gender? Gender { get; set; }
    public DateOnly? BirthDate { get; set; }

    public void Absorb(MemberRecorded fact) =>
        (Id, EntityId, OfficeId, Kind, RegisteredOn, Gender, BirthDate) = (fact.MemberId, fact.EntityId, fact.OfficeId, fact.Kind, fact.RegisteredOn, fact.Gender, fact.BirthDate);
}

/// <summary>One activity in one year (id: activity:year): its documents (invoices, expenses, contracts) and its net invoicing.</summary>
internal sealed class ActivityYear : IReadModel
{
    public string Id { get; set; } = "";
    public Guid ActivityId { get; set; }
    public Guid EntityId { get; set; }
    public Guid OfficeId { get; set; }
    public ActivityKind? Kind { get; set; }
    public int Year { get; set; }
    public bool OpenedInYear { get; set; }
    public int Documents { get; set; }
    public int Invoices { get; set; }
    public decimal Net { get; set; }

    public static string Key(Guid activityId, DateOnly date) => $"{activityId}:{date.Year}";

    public void Absorb(object fact)
    {
        switch (fact)
        {
            case ActivityRecorded a:
                Of(a.ActivityId, a.EntityId, a.OfficeId, a.Kind, a.OpenedOn);
                OpenedInYear = true;
                break;
            case InvoiceRecorded i:
                Of(i.ActivityId, i.EntityId, i.OfficeId, i.Kind, i.IssueDate);
                (Documents, Invoices, Net) = (Documents + 1, Invoices + 1, Net + i.Net);
                break;
            case CreditNoteRecorded c:
                Of(c.ActivityId, c.EntityId, c.OfficeId, c.Kind, c.IssueDate);
                Net -= c.Net;
                break;
            case ExpenseRecorded e:
                Of(e.ActivityId, e.EntityId, e.OfficeId, e.Kind, e.ApprovedOn);
                Documents++;
                break;
            case ContractRecorded c:
                Of(c.ActivityId, c.EntityId, c.OfficeId, c.ActivityKind, c.Start);
                Documents++;
                break;
        }
    }

    private void Of(Guid activityId, Guid entityId, Guid officeId, ActivityKind? kind, DateOnly date)
    {
        (ActivityId, EntityId, OfficeId, Year) = (activityId, entityId, officeId, date.Year);
        Kind ??= kind;
    }
}

/// <summary>
/// One person in one entity in one year (id: entity:member:year): what they invoiced (as their activities' coordinator),
/// in which months, their documents, contracts, days, hours and gross pay. The distinct-person counts, billing bands and
/// contracts per person read these.
/// </summary>
internal sealed class PersonYear : IReadModel
{
    public string Id { get; set; } = "";
    public Guid EntityId { get; set; }
    public Guid MemberId { get; set; }
    public int Year { get; set; }
    public decimal InvoicedNet { get; set; }
    public List<int> MonthsInvoiced { get; set; } = [];
    public int Documents { get; set; }
    public int Contracts { get; set; }
    public decimal Days { get; set; }
    public decimal Hours { get; set; }
    public decimal Gross { get; set; }

    /// <summary>Invoices issued (credit notes not counted), for the member typology.</summary>
    public int Invoices { get; set; }

    public static IReadOnlyList<string> Keys(Guid entityId, Guid memberId, DateOnly date) =>
        memberId == Guid.Empty ? [] : [$"{entityId}:{memberId}:{date.Year}"]; // invoices issued before Activities named the coordinator

    public void Absorb(object fact)
    {
        switch (fact)
        {
            case InvoiceRecorded i:
                Of(i.EntityId, i.CoordinatorId, i.IssueDate);
                (Documents, InvoicedNet, Invoices) = (Documents + 1, InvoicedNet + i.Net, Invoices + 1);
                if (!MonthsInvoiced.Contains(i.IssueDate.Month)) MonthsInvoiced = [.. MonthsInvoiced.Append(i.IssueDate.Month).Order()];
                break;
            case CreditNoteRecorded c:
                Of(c.EntityId, c.CoordinatorId, c.IssueDate);
                InvoicedNet -= c.Net;
                break;
            case ExpenseRecorded e:
                Of(e.EntityId, e.CoordinatorId, e.ApprovedOn);
                Documents++;
                break;
            case ContractRecorded c:
                Of(c.EntityId, c.MemberId, c.Start);
                (Documents, Contracts, Days, Hours) = (Documents + 1, Contracts + 1, Days + c.Days, Hours + c.Hours);
                break;
            case PayslipRecorded p:
                Of(p.EntityId, p.MemberId, p.ContractStart);
                Gross += p.Gross;
                break;
        }
    }

    private void Of(Guid entityId, Guid memberId, DateOnly date) => (EntityId, MemberId, Year) = (entityId, memberId, date.Year);
}

/// <summary>
/// Invoicing of one entity in one month by module, document type and client country (id: all of them): documents, net
/// amount and the clients invoiced. The invoicing tables and the monthly chart sum these.
/// </summary>
internal sealed class InvoicingCell : IReadModel
{
    public string Id { get; set; } = "";
    public Guid EntityId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public ActivityKind? Kind { get; set; }
    public RevenueDocumentType DocumentType { get; set; }

    /// <summary>ISO alpha-2, or empty when the invoice did not say.</summary>
    public string Country { get; set; } = "";

    public int Documents { get; set; }
    public decimal Net { get; set; }
    public List<Guid> ClientIds { get; set; } = [];

    public static string Key(Guid entityId, DateOnly date, ActivityKind? kind, RevenueDocumentType type, string? country) =>
        $"{entityId}:{date.Year}:{date.Month}:{kind}:{type}:{country}";

    public void Absorb(object fact)
    {
        switch (fact)
        {
            case InvoiceRecorded i:
                Add(i.EntityId, i.IssueDate, i.Kind, i.DocumentType, i.ClientCountry, i.ClientId, i.Net);
                break;
            case CreditNoteRecorded c:
                Add(c.EntityId, c.IssueDate, c.Kind, RevenueDocumentType.CreditNote, c.ClientCountry, c.ClientId, -c.Net);
                break;
            case EmployerInvoiceRecorded e:
                Add(e.EntityId, e.IssueDate, ActivityKind.ContractManagement, RevenueDocumentType.EmployerInvoice, null, e.EmployerId, e.Net);
                break;
        }
    }

    private void Add(Guid entityId, DateOnly date, ActivityKind? kind, RevenueDocumentType type, string? country, Guid clientId, decimal net)
    {
        (EntityId, Year, Month, Kind, DocumentType, Country) = (entityId, date.Year, date.Month, kind, type, country ?? "");
        (Documents, Net) = (Documents + 1, Net + net);
        if (!ClientIds.Contains(clientId)) ClientIds.Add(clientId);
    }
}

/// <summary>Contracts of one entity starting in one year, by kind and category (id: all of them), with their members and gross pay.</summary>
internal sealed class ContractCell : IReadModel
{
    public string Id { get; set; } = "";
    public Guid EntityId { get; set; }
    public int Year { get; set; }
    public ContractKind Kind { get; set; }
    public ContractCategory Category { get; set; }
    public int Contracts { get; set; }
    public decimal Days { get; set; }
    public decimal Hours { get; set; }
    public decimal Gross { get; set; }
    public List<Guid> MemberIds { get; set; } = [];

    public static string Key(Guid entityId, DateOnly start, ContractKind kind, ContractCategory category) => $"{entityId}:{start.Year}:{kind}:{category}";

    public void Absorb(object fact)
    {
        switch (fact)
        {
            case ContractRecorded c:
                (EntityId, Year, Kind, Category) = (c.EntityId, c.Start.Year, c.Kind, c.Category);
                (Contracts, Days, Hours) = (Contracts + 1, Days + c.Days, Hours + c.Hours);
                if (!MemberIds.Contains(c.MemberId)) MemberIds.Add(c.MemberId);
                break;
            case PayslipRecorded p:
                (EntityId, Year, Kind, Category) = (p.EntityId, p.ContractStart.Year, p.Kind, p.Category);
                Gross += p.Gross;
                break;
        }
    }
}
