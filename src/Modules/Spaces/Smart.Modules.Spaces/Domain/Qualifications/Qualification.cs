namespace Smart.Modules.Spaces.Domain.Qualifications;

/// <summary>A member may use a machine that needs <see cref="Name"/> (e.g. after the FabLab's laser-cutter training).</summary>
internal sealed class Qualification
{
    private Qualification()
    {
        Name = null!;
    }

    public Guid Id { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid MemberId { get; private set; }

    public string Name { get; private set; }

    public DateOnly GrantedOn { get; private set; }

    public static Qualification Grant(Guid entityId, Guid memberId, string name, DateOnly today) => new()
    {
        Id = Guid.CreateVersion7(), EntityId = entityId, MemberId = memberId, Name = Normalize(name), GrantedOn = today,
    };

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();
}
