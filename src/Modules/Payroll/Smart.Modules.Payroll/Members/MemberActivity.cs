using Smart.Modules.Activities.Contracts;

namespace Smart.Modules.Payroll.Members;

/// <summary>
/// Payroll's copy of an activity and its coordinator, fed by Activities' <see cref="ActivityOpened"/>: CDI smoothing pays
/// the coordinator from it and shows it to them alone.
/// </summary>
internal sealed class MemberActivity
{
    private MemberActivity()
    {
        Name = null!;
    }

    public Guid ActivityId { get; private set; }

    public Guid CoordinatorId { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public string Name { get; private set; }

    public static MemberActivity From(ActivityOpened opened) => new()
    {
        ActivityId = opened.ActivityId,
        CoordinatorId = opened.CoordinatorId,
        EntityId = opened.EntityId,
        OfficeId = opened.OfficeId,
        Name = opened.Name,
    };
}
