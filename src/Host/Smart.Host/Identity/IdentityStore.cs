using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Smart.Host.Identity;

internal sealed class SmartUser : IdentityUser<Guid>;

/// <summary>ASP.NET Core Identity in its own schema, migrated like a module.</summary>
internal sealed class IdentityStore(DbContextOptions<IdentityStore> options)
    : IdentityDbContext<SmartUser, IdentityRole<Guid>, Guid>(options)
{
    public const string Schema = "identity";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema(Schema);
        base.OnModelCreating(builder);
    }
}
