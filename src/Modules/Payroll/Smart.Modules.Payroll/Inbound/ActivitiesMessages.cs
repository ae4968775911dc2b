using Marten;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Payroll.Members;

namespace Smart.Modules.Payroll.Inbound;

// Activities' events: Payroll keeps its copy of each activity and its coordinator (CDI smoothing).

public static class ActivityOpenedHandler
{
    /// <summary>Keyed by the activity: a redelivery writes the same copy again.</summary>
    public static void Handle(ActivityOpened opened, IDocumentSession session) => session.Store(MemberActivity.From(opened));
}
