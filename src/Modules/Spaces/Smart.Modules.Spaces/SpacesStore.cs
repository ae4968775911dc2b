using Marten;
using Marten.Schema;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Spaces.Domain.Bookings;
using Smart.Modules.Spaces.Domain.Calendars;
using Smart.Modules.Spaces.Domain.Events;
using Smart.Modules.Spaces.Domain.Places;
using Smart.Modules.Spaces.Domain.Qualifications;
using Smart.Modules.Spaces.Domain.Residencies;
using Smart.Modules.Spaces.Domain.Resources;

namespace Smart.Modules.Spaces;

/// <summary>Spaces' own Marten store (schema <c>spaces</c>): places, resources, bookings and residencies as JSON documents.</summary>
public interface ISpacesStore : IDocumentStore;

/// <summary>How Spaces' aggregates are stored: all the Marten configuration of the module, kept out of the domain.</summary>
internal static class SpacesStore
{
    public const string Schema = "spaces";

    public static void AddSpacesStore(this IServiceCollection services) =>
        services.AddModuleStore<ISpacesStore>(Schema,
            [typeof(Place), typeof(Resource), typeof(ResourceDay), typeof(Booking), typeof(Residency), typeof(Qualification), typeof(CalendarFeed), typeof(PlaceEvent)], m =>
            {
                // Every aggregate carries a revision: a save states the revision it read plus one, and a stale one is a
                // conflict. For a resource's day this is what keeps two bookings out of one last slot (ADR 0052).
                m.Schema.For<Place>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(p => p.Version))
                    .UniqueIndex(UniqueIndexType.Computed, "places_entity_name", p => p.EntityId, p => p.Name);
                m.Schema.For<Resource>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(r => r.Version))
                    .UniqueIndex(UniqueIndexType.Computed, "resources_place_name", r => r.PlaceId, r => r.Name);
                m.Schema.For<ResourceDay>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(d => d.Version))
                    .Index([d => d.Date, d => d.PlaceId]);
                m.Schema.For<Booking>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(b => b.Version))
                    .Index(b => b.ResourceId).Index(b => b.MemberId).Index(b => b.Date).Index(b => b.SeriesId!);
                m.Schema.For<Residency>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(r => r.Version))
                    .Index(r => r.ResourceId).Index(r => r.MemberId).Index(r => r.PlaceId);
                m.Schema.For<PlaceEvent>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(e => e.Version))
                    .Index(e => e.PlaceId).Index(e => e.Date);
                m.Schema.For<CalendarFeed>()
                    .UniqueIndex(UniqueIndexType.Computed, "calendar_feeds_token", f => f.Token)
                    .UniqueIndex(UniqueIndexType.Computed, "calendar_feeds_resource", f => f.ResourceId!)
                    .UniqueIndex(UniqueIndexType.Computed, "calendar_feeds_member", f => f.MemberId!);
                m.Schema.For<Qualification>()
                    .UniqueIndex(UniqueIndexType.Computed, "qualifications_member_name", q => q.EntityId, q => q.MemberId, q => q.Name);
            });
}
