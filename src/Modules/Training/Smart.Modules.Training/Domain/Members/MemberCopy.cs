namespace Smart.Modules.Training.Domain.Members;

/// <summary>Training's copy of a member from Governance's <c>MemberRegistered</c>: the name and address its e-mails and certificates use.</summary>
internal sealed class MemberCopy
{
    private MemberCopy()
    {
        DisplayName = Email = null!;
    }

    public Guid Id { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public string DisplayName { get; private set; }

    public string Email { get; private set; }

    public static MemberCopy Of(Guid memberId, Guid entityId, Guid officeId, string displayName, string email) =>
        new() { Id = memberId, EntityId = entityId, OfficeId = officeId, DisplayName = displayName, Email = email };
}
