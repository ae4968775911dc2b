using Smart.BuildingBlocks.Domain;

namespace Smart.Modules.Governance.Domain.Offices;

/// <summary>A local office ("bureau") of an entity, e.g. Lille for SmartFr; members and activities belong to one.</summary>
internal sealed class Office : AggregateRoot
{
    private Office()
    {
        Name = null!;
    }

    public Guid EntityId { get; private set; }

    public string Name { get; private set; }

    public static Office Open(Guid entityId, string name) => new()
    {
        Id = Guid.CreateVersion7(),
        EntityId = entityId,
        Name = name.Trim(),
    };
}
