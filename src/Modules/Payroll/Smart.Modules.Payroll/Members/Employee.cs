using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Payroll.Members;

/// <summary>
/// Payroll's copy of a Governance member: a person who can be employed, or a legal entity whose employees
/// Payroll manages (contract management). Gender and birth date feed the payroll figures by gender and age band.
/// </summary>
internal sealed class Employee
{
    private Employee()
    {
        DisplayName = null!;
    }

    public Guid MemberId { get; private set; }

    public MemberKind Kind { get; private set; }

    public string DisplayName { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public Gender? Gender { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    public static Employee From(MemberRegistered registered) => new()
    {
        MemberId = registered.MemberId,
        Kind = registered.Kind,
        DisplayName = registered.DisplayName,
        EntityId = registered.EntityId,
        OfficeId = registered.OfficeId,
        Gender = registered.Gender,
        BirthDate = registered.BirthDate,
    };
}

internal sealed class MemberRegisteredHandler(Persistence.PayrollDbContext db)
{
    public async Task HandleAsync(MemberRegistered registered, CancellationToken cancellationToken)
    {
        if (await db.Employees.FindAsync([registered.MemberId], cancellationToken) is null)
        {
            db.Employees.Add(Employee.From(registered));
        }
    }
}
