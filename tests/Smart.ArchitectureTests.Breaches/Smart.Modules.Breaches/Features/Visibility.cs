using Microsoft.EntityFrameworkCore;

namespace Smart.Modules.Breaches.Features;

/// <summary>Internal-by-default breach: a public handler (and the fake host reaches it past the entry type).</summary>
public sealed class PublicBreachHandler
{
    public string Handle(string message) => message;
}

/// <summary>Internal-by-default breach: a public handler nested in a public type.</summary>
public static class PlaceBreach
{
    public sealed class Handler
    {
        public string Handle(string message) => message;
    }
}

/// <summary>Not a breach: a public handler nested in an internal type is not visible outside the module.</summary>
internal static class CancelBreach
{
    public sealed class Handler
    {
        public string Handle(string message) => message;
    }
}

/// <summary>Internal-by-default breach: a public DbContext.</summary>
public sealed class BreachesDbContext(DbContextOptions options) : DbContext(options);
