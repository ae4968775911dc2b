using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;

namespace Smart.Modules.Collections.Features;

internal static class EntityAccess
{
    /// <summary>An entity's configuration and bank account are its own staff's (a platform admin's too): anyone else gets 404.</summary>
    public static void EnsureEntityOf(this ICurrentUser user, Guid entityId)
    {
        if (!user.IsPlatformAdmin() && user.EntityId != entityId) throw new NotFoundException("Entity", entityId);
    }
}
