using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Reporting.Definitions;
using Smart.Modules.Reporting.Journal;
using Smart.Modules.Reporting.Projections;
using Wolverine;

namespace Smart.Modules.Reporting;

/// <summary>Reporting's own Marten store (schema <c>reporting</c>): the journal of facts, the read models the daemon projects from it, the definitions.</summary>
public interface IReportingStore : IDocumentStore;

/// <summary>How Reporting is stored: all the Marten configuration of the module.</summary>
internal static class ReportingStore
{
    public const string Schema = "reporting";

    /// <summary>The facts the journal holds; a new fact is one more type here.</summary>
    public static readonly Type[] Facts =
    [
        typeof(EntityRecorded), typeof(MemberRecorded), typeof(ActivityRecorded), typeof(InvoiceRecorded), typeof(CreditNoteRecorded), typeof(ExpenseRecorded),
        typeof(ContractRecorded), typeof(PayslipRecorded), typeof(EmployerInvoiceRecorded), typeof(PaymentRecorded), typeof(WriteOffRecorded),
        typeof(WorkAccidentLogged), typeof(WorkAccidentDaysLostRevised), typeof(GdcContractRecorded),
        typeof(SessionDeliveredRecorded),
        typeof(ShareMovementNoted), typeof(AssemblyNoted),
        typeof(ReminderNoted), typeof(ProvisionBookedNoted), typeof(ProvisionReversedNoted),
        typeof(PlaceHoursNoted), typeof(ResourceNoted), typeof(BookingNoted), typeof(BookingCancellationNoted), typeof(ResidencyNoted), typeof(ResidencyEndNoted),
        typeof(ResidencyMonthNoted), typeof(PlaceEventNoted), typeof(PlaceEventCancelledNoted), typeof(RoomHoldNoted), typeof(RoomHoldReleasedNoted),
        typeof(MemberLifeRulesNoted), typeof(AdvisorAssignmentNoted), typeof(AdvisorAssignmentEndNoted),
    ];

    /// <summary>The read models' projections; a new read model is one more here.</summary>
    public static IReadOnlyList<IProjectionSource<IDocumentOperations, IQuerySession>> Projections() =>
        [new MemberProfileProjection(), new ActivityYearProjection(), new PersonYearProjection(), new InvoicingCellProjection(), new ContractCellProjection(),
            new AccidentCellProjection(),
            new DeliveredSessionProjection(),
            new ShareholderYearProjection(), new AssemblyYearProjection(),
            new CollectionsCellProjection(),
            new PlaceProfileProjection(), new PlaceYearProjection(),
            new MemberLifeRulesHistoryProjection(), new OfficeContributionYearProjection(), new OfficeAdvisorsProjection(), new GdcContractCellProjection(), new GdcEmployeeYearProjection()];

    public static void AddReportingStore(this IServiceCollection services, IConfiguration configuration)
    {
        var bus = configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        services.AddModuleStore<IReportingStore>(Schema, [typeof(ReportDefinitions)], m =>
            {
                m.Events.StreamIdentity = StreamIdentity.AsGuid;
                m.Events.AddEventTypes(Facts);
                // Asynchronous: the daemon applies the facts in their global order, whoever appended them (ADR 0095).
                foreach (var projection in Projections()) m.Projections.Add(projection, ProjectionLifecycle.Async);
                m.Schema.For<MemberProfile>().Index(x => x.EntityId);
                m.Schema.For<ActivityYear>().Index(x => x.EntityId).Index(x => x.Year);
                m.Schema.For<PersonYear>().Index(x => x.EntityId).Index(x => x.Year);
                m.Schema.For<InvoicingCell>().Index(x => x.EntityId).Index(x => x.Year);
                m.Schema.For<ContractCell>().Index(x => x.EntityId).Index(x => x.Year);
                m.Schema.For<AccidentCell>().Index(x => x.EntityId).Index(x => x.Year);
                m.Schema.For<DeliveredSession>().Index(x => x.EntityId).Index(x => x.Year);
                m.Schema.For<ShareholderYear>().Index(x => x.EntityId).Index(x => x.Year);
                m.Schema.For<AssemblyYear>().Index(x => x.EntityId).Index(x => x.Year);
                m.Schema.For<CollectionsCell>().Index(x => x.EntityId).Index(x => x.Year);
                m.Schema.For<PlaceProfile>().Index(x => x.EntityId);
                m.Schema.For<PlaceYear>().Index(x => x.EntityId).Index(x => x.Year);
                m.Schema.For<OfficeContributionYear>().Index(x => x.EntityId).Index(x => x.Year);
                m.Schema.For<GdcContractCell>().Index(x => x.EntityId).Index(x => x.Year);
                m.Schema.For<GdcEmployeeYear>().Index(x => x.EntityId).Index(x => x.Year);
                m.Schema.For<ReportDefinitions>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(d => d.Version));
            })
            // One host runs every projection (Solo); several hosts on one database elect one to run them (HotCold).
            .AddAsyncDaemon(bus.DurabilityMode == DurabilityMode.Solo ? DaemonMode.Solo : DaemonMode.HotCold);
    }
}
