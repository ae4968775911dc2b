using Smart.BuildingBlocks.Modules;
using Smart.Modules.Activities;
using Smart.Modules.Collections;
using Smart.Modules.Governance;
using Smart.Modules.Payroll;
using Smart.Modules.Reporting;
using Smart.Modules.Spaces;
using Smart.Modules.Training;

namespace Smart.Host;

/// <summary>The one place where the host learns which modules it runs.</summary>
internal static class ModulesRegistry
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new GovernanceModule(),
        new ActivitiesModule(),
        new PayrollModule(),
        new CollectionsModule(),
        new SpacesModule(),
        new TrainingModule(),
        // Last: it only listens to the others' events.
        new ReportingModule(),
    ];
}
