using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Payroll.Domain.Employment;

namespace Smart.Modules.Payroll.Persistence;

/// <summary>A pre-employment declaration as recorded: its reference, the contract, when.</summary>
internal sealed class EmploymentDeclaration
{
    /// <summary>The prefix of the declarations' legal series (DPAE2026-000123), gap-free per entity and year.</summary>
    public const string Series = "DPAE";

    private EmploymentDeclaration()
    {
        Reference = null!;
    }

    public EmploymentDeclaration(string reference, Guid entityId, Guid contractId, Guid workerId, DateOnly workStart, DateTimeOffset declaredAt)
    {
        Reference = reference;
        EntityId = entityId;
        ContractId = contractId;
        WorkerId = workerId;
        WorkStart = workStart;
        DeclaredAt = declaredAt;
    }

    public string Reference { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid ContractId { get; private set; }

    /// <summary>The member, or the employer's employee for a contract-management contract.</summary>
    public Guid WorkerId { get; private set; }

    public DateOnly WorkStart { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }
}

/// <summary>
/// The declaration adapter: records the declaration with a reference <c>DPAEyyyy-nnnnnn</c> from the entity's
/// declaration series (<see cref="LegalNumbering"/>), in the contract's transaction. No call leaves the cooperative; a real transmission would replace this adapter.
/// </summary>
internal sealed class StoredEmploymentDeclarations(PayrollDbContext db, TimeProvider clock) : IEmploymentDeclarations
{
    public async Task<string> DeclareAsync(DeclarationRequest request, CancellationToken cancellationToken)
    {
        var reference = (await LegalNumbering.NextAsync(db.Database.GetDbConnection(), PayrollDbContext.SchemaName, request.EntityId, EmploymentDeclaration.Series,
            request.DeclaredOn, clock.Today(), cancellationToken)).ToString();
        db.Declarations.Add(new EmploymentDeclaration(reference, request.EntityId, request.ContractId, request.WorkerId, request.WorkStart, clock.GetUtcNow()));
        return reference;
    }
}
