using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Activities.Members;

/// <summary>Activities' copy of a Governance member: who may coordinate an activity, in which entity and office.</summary>
internal sealed class Member
{
    private Member()
    {
        DisplayName = Email = null!;
    }

    public Guid MemberId { get; private set; }

    public MemberKind Kind { get; private set; }

    public string DisplayName { get; private set; }

    public string Email { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public static Member From(MemberRegistered registered) => new()
    {
        MemberId = registered.MemberId,
        Kind = registered.Kind,
        DisplayName = registered.DisplayName,
        Email = registered.Email,
        EntityId = registered.EntityId,
        OfficeId = registered.OfficeId,
    };
}
