using Microsoft.EntityFrameworkCore;
using Smart.Modules.Payroll.Domain.Contracts;

namespace Smart.Modules.Payroll.Persistence;

/// <summary>A pre-employment declaration as recorded: its reference, the contract, when.</summary>
internal sealed class EmploymentDeclaration
{
    public const string NumberSequence = "declaration_numbers";

    private EmploymentDeclaration()
    {
        Reference = null!;
    }

    public EmploymentDeclaration(string reference, Guid contractId, Guid workerId, DateOnly workStart, DateTimeOffset declaredAt)
    {
        Reference = reference;
        ContractId = contractId;
        WorkerId = workerId;
        WorkStart = workStart;
        DeclaredAt = declaredAt;
    }

    public string Reference { get; private set; }

    public Guid ContractId { get; private set; }

    /// <summary>The member, or the employer's employee for a contract-management contract.</summary>
    public Guid WorkerId { get; private set; }

    public DateOnly WorkStart { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }
}

/// <summary>
/// The declaration adapter: records the declaration with a reference <c>DPAE-yyyy-nnnnnn</c> numbered by a database
/// sequence, in the contract's transaction. No call leaves the cooperative; a real transmission would replace this adapter.
/// </summary>
internal sealed class StoredEmploymentDeclarations(PayrollDbContext db, TimeProvider clock) : IEmploymentDeclarations
{
    public async Task<string> DeclareAsync(DeclarationRequest request, CancellationToken cancellationToken)
    {
        var number = await db.Database
            .SqlQueryRaw<long>($"SELECT nextval('{PayrollDbContext.SchemaName}.{EmploymentDeclaration.NumberSequence}') AS \"Value\"")
            .SingleAsync(cancellationToken);
        var reference = $"DPAE-{request.DeclaredOn.Year}-{number:D6}";
        db.Declarations.Add(new EmploymentDeclaration(reference, request.ContractId, request.WorkerId, request.WorkStart, clock.GetUtcNow()));
        return reference;
    }
}
