using Smart.BuildingBlocks.Modules;
using Smart.Modules.Activities.Persistence;

namespace Smart.Modules.Activities;

/// <summary>Activities: the members' businesses inside the cooperative (activities, clients, invoices, budget ledger).</summary>
public sealed class ActivitiesModule() : Module("Activities", ActivitiesDbContext.SchemaName, typeof(ActivitiesDbContext));
