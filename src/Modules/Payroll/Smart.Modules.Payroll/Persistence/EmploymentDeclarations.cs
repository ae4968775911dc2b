using Marten;
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
/// The pre-employment declaration (the French DPAE), made before the work starts: recorded with a reference
/// <c>DPAEyyyy-nnnnnn</c> from the entity's declaration series (<see cref="LegalNumbering"/>), in the contract's
/// transaction. No call leaves the cooperative; a real transmission would be an outbound message sent with that transaction.
/// </summary>
internal static class EmploymentDeclarations
{
    /// <summary>Declares the contract and returns the declaration's reference.</summary>
    public static async Task<string> DeclareAsync(this IDocumentSession session, DeclarationRequest request, TimeProvider clock, CancellationToken cancellationToken) =>
        (await session.DeclareAsync([request], clock, cancellationToken))[0];

    /// <summary>
    /// Declares contracts concluded together (a batch of salary requests) and returns their references in the same order:
    /// the numbers of each entity and date taken at once (one lock of the series per batch, not per contract).
    /// </summary>
    public static async Task<IReadOnlyList<string>> DeclareAsync(this IDocumentSession session, IReadOnlyList<DeclarationRequest> requests, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var references = new string[requests.Count];
        foreach (var group in requests.Select((request, index) => (Request: request, Index: index)).GroupBy(r => (r.Request.EntityId, r.Request.DeclaredOn))
                     .OrderBy(g => g.Key.EntityId).ThenBy(g => g.Key.DeclaredOn))
        {
            var numbers = await session.NextAsync(PayrollStore.Schema, group.Key.EntityId, EmploymentDeclaration.Series, group.Key.DeclaredOn, clock.Today(),
                group.Count(), cancellationToken);
            foreach (var ((request, index), number) in group.Zip(numbers))
            {
                references[index] = number.ToString();
                session.Insert(new EmploymentDeclaration(references[index], request.EntityId, request.ContractId, request.WorkerId, request.WorkStart,
                    clock.GetUtcNow()));
            }
        }
        return references;
    }
}
