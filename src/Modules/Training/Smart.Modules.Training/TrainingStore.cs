using Marten;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Training.Domain.Catalogue;
using Smart.Modules.Training.Domain.Members;
using Smart.Modules.Training.Domain.Rules;
using Smart.Modules.Training.Domain.Sessions;

namespace Smart.Modules.Training;

/// <summary>Training's own Marten store (schema <c>training</c>): the catalogue, sessions with their registrations, the entities' rules.</summary>
public interface ITrainingStore : IDocumentStore;

/// <summary>How Training's aggregates are stored: all the Marten configuration of the module, kept out of the domain.</summary>
internal static class TrainingStore
{
    public const string Schema = "training";

    public static void AddTrainingStore(this IServiceCollection services) =>
        services.AddModuleStore<ITrainingStore>(Schema,
            [typeof(TrainingCourse), typeof(Session), typeof(Registration), typeof(TrainingRules), typeof(MemberCopy)], m =>
            {
                // Every aggregate carries a revision: a save states the revision it read plus one, and a stale one is a
                // conflict. For a session this keeps two trainees out of one last seat (ADR 0071).
                m.Schema.For<TrainingCourse>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(c => c.Version))
                    .Index(c => c.EntityId).Index(c => c.SchoolYear);
                // The GIN index answers "the sessions holding this member's registrations" (JSON containment).
                m.Schema.For<Session>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(s => s.Version))
                    .Index(s => s.EntityId).Index(s => s.SchoolYear).Index(s => s.FirstDay).GinIndexJsonData();
                m.Schema.For<TrainingRules>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(r => r.Version));
                m.Schema.For<MemberCopy>();
            });
}
