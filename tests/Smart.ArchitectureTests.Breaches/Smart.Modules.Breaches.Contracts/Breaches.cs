using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Payroll;

namespace Smart.Modules.Breaches.Contracts;

/// <summary>Contracts breach: a package type.</summary>
public sealed record PackageInContracts(DbContext Db);

/// <summary>Contracts breach hidden in a generic argument: a building-blocks type.</summary>
public sealed record BuildingBlocksInContracts(IReadOnlyList<AggregateRoot> Roots);

/// <summary>Contracts breach hidden in an async lambda: a module implementation.</summary>
public static class ModuleInContractsAsyncLambda
{
    public static Func<Task<string>> Name => async () =>
    {
        await Task.Yield();
        return new PayrollModule().Name;
    };
}

/// <summary>Not a breach: the base library only.</summary>
public sealed record BreachReported(Guid Id, DateOnly On, IReadOnlyList<string> Lines);
