using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Projections;

/// <summary>Contract-management (GDC) contracts of one entity starting in one year, by kind and category (id: all of them), with their employees.</summary>
internal sealed class GdcContractCell : IReadModel
{
    public string Id { get; set; } = "";
    public Guid EntityId { get; set; }
    public int Year { get; set; }

    /// <summary>Null on contracts recorded before Reporting kept their kind.</summary>
    public ContractKind? Kind { get; set; }

    public ContractCategory? Category { get; set; }
    public int Contracts { get; set; }
    public decimal Days { get; set; }
    public decimal Hours { get; set; }
    public decimal Gross { get; set; }
    public List<Guid> EmployeeIds { get; set; } = [];

    public static string Key(GdcContractRecorded f) => $"{f.EntityId}:{f.Start.Year}:{f.Kind}:{f.Category}";

    public void Absorb(object fact)
    {
        if (fact is not GdcContractRecorded c) return;
        (EntityId, Year, Kind, Category) = (c.EntityId, c.Start.Year, c.Kind, c.Category);
        (Contracts, Days, Hours, Gross) = (Contracts + 1, Days + c.Days, Hours + c.Hours, Gross + c.Gross);
        if (!EmployeeIds.Contains(c.EmployeeId)) EmployeeIds.Add(c.EmployeeId);
    }
}

/// <summary>One contract-management employee in one entity in one year (id: entity:employee:year): gender and birth date as declared, and their contracts' figures.</summary>
internal sealed class GdcEmployeeYear : IReadModel
{
    public string Id { get; set; } = "";
    public Guid EntityId { get; set; }
    public Guid EmployeeId { get; set; }
    public int Year { get; set; }
    public EmployeeGender? Gender { get; set; }
    public DateOnly? BirthDate { get; set; }
    public int Contracts { get; set; }
    public decimal Days { get; set; }
    public decimal Hours { get; set; }
    public decimal Gross { get; set; }

    public static string Key(GdcContractRecorded f) => $"{f.EntityId}:{f.EmployeeId}:{f.Start.Year}";

    public void Absorb(object fact)
    {
        if (fact is not GdcContractRecorded c) return;
        (EntityId, EmployeeId, Year) = (c.EntityId, c.EmployeeId, c.Start.Year);
        (Gender, BirthDate) = (c.Gender ?? Gender, c.BirthDate ?? BirthDate);
        (Contracts, Days, Hours, Gross) = (Contracts + 1, Days + c.Days, Hours + c.Hours, Gross + c.Gross);
    }
}
