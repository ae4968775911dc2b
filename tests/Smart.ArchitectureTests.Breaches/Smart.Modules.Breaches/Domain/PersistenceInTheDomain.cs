using Microsoft.EntityFrameworkCore;
using Npgsql;
using Smart.BuildingBlocks.Domain;

namespace Smart.Modules.Breaches.Domain;

/// <summary>Internal-by-default breach: a public aggregate.</summary>
public sealed class PublicAggregate : AggregateRoot;

/// <summary>Internal-by-default breach: a public aggregate nested in a public type.</summary>
public static class ShownPlace
{
    public sealed class Aggregate : AggregateRoot;
}

/// <summary>Not a breach: a public aggregate nested in an internal type is not visible outside the module.</summary>
internal static class HiddenPlace
{
    public sealed class Aggregate : AggregateRoot;
}

/// <summary>Domain breach: an EF Core field.</summary>
internal sealed class DbContextInTheDomain(DbContext db)
{
    public DbContext Db { get; } = db;
}

/// <summary>Domain breach hidden in an async lambda: Npgsql.</summary>
internal static class NpgsqlInAsyncLambda
{
    public static Func<Task<string>> Open => async () =>
    {
        await Task.Yield();
        return new NpgsqlConnectionStringBuilder { Host = "localhost" }.ConnectionString;
    };
}

/// <summary>Domain breach hidden in a generic argument: Wolverine.</summary>
internal sealed class WolverineAsGenericArgument
{
    private readonly List<Wolverine.IMessageBus> _buses = [];

    public int Count => _buses.Count;
}
