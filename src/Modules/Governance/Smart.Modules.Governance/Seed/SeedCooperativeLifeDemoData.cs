using Bogus;
using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Domain.Assemblies;
using Smart.Modules.Governance.Domain.Board;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Shareholding;
using Smart.Modules.Governance.Features.Assemblies;
using Smart.Modules.Governance.Features.Shareholders;
using Smart.Modules.Governance.Contracts;
using Wolverine;

namespace Smart.Modules.Governance.Seed;

/// <summary>
/// The demo data of the cooperative's life at SmartFr, first step: its governance rules since 2013 and a register whose
/// categories follow the membership (most shareholders are members using the services), each capital movement published
/// as the real handlers publish it (<see cref="ShareMovementRecorded"/>, in the same transaction). Runs after
/// <see cref="SeedGovernanceDemoData"/>; does nothing once SmartFr has rules. <see cref="SeedDemoAssemblies"/> follows.
/// </summary>
public sealed record SeedCooperativeLifeDemoData;

/// <summary>
/// The demo data of the cooperative's life at SmartFr, second step: last year's assembly with its published results
/// (<see cref="AssemblyClosed"/>, in the close's transaction), this year's open for voting (the demo member has not voted
/// yet), and a board of twelve whose oldest mandates end at the coming assembly. Does nothing before
/// <see cref="SeedCooperativeLifeDemoData"/> or once SmartFr has an assembly. The demo convocations are recorded without
/// sending e-mails.
/// </summary>
public sealed record SeedDemoAssemblies;

public sealed class SeedCooperativeLifeDemoDataHandler(TimeProvider clock)
{
    // Non-member shareholders next to the members: permanent staff, clients and partners (estimated shares of the register).
    private static readonly (ShareholderCategory Category, int Count)[] Others =
    [
        (ShareholderCategory.PermanentStaff, 14), (ShareholderCategory.Client, 6), (ShareholderCategory.SectorPartner, 3),
        (ShareholderCategory.TerritorialPartner, 2), (ShareholderCategory.ProfessionalPartner, 3), (ShareholderCategory.EconomicPartner, 2),
    ];

    /// <summary>The register's capital movements, for Wolverine to publish in the session's transaction.</summary>
    public async Task<OutgoingMessages> HandleAsync(SeedCooperativeLifeDemoData command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var smartFr = await session.Query<CooperativeEntity>().SingleOrDefaultAsync(e => e.Code == "SmartFr", cancellationToken);
        if (smartFr is null || await session.LoadAsync<GovernanceRules>(smartFr.Id, cancellationToken) is not null) return new OutgoingMessages();
        var entityId = smartFr.Id;
        var rulesHistory = GovernanceRules.Of(entityId);
        var rules = GovernanceRulesVersion.SmartFr(new DateOnly(2013, 1, 1));
        rulesHistory.Add(rules, rules.EffectiveFrom);
        session.Store(rulesHistory);

        var faker = new Faker("fr") { Random = new Randomizer(2018) };
        var members = await session.Query<Member>().Where(m => m.EntityId == entityId).OrderBy(m => m.RegisteredOn).ToListAsync(cancellationToken);
        var streams = new List<IReadOnlyList<IRegisterEvent>>();
        foreach (var member in members.Where(m => m.Email == SeedGovernanceDemoDataHandler.DemoMemberEmail || faker.Random.Double() < 0.9))
        {
            // Members join the register on their registration: persons as activity coordinators (one in ten an occasional user), structures as employers.
            var category = member.Kind == Contracts.MemberKind.LegalEntity ? ShareholderCategory.ContractManagementEmployer
                : faker.Random.Double() < 0.1 ? ShareholderCategory.AffiliatedOrOccasionalUser : ShareholderCategory.ActivityCoordinator;
            var admitted = new ShareholderAdmitted(Guid.CreateVersion7(), entityId, member.Id, member.OfficeId, member.DisplayName, member.Email, category,
                member.RegisteredOn, $"CA du {member.RegisteredOn:yyyy-MM-dd}");
            streams.Add(Paid(Shareholder.Admit(admitted, faker.Random.Int(1, 3), rules, today), today));
        }
        foreach (var (category, count) in Others)
        {
            for (var i = 0; i < count; i++)
            {
                var on = DateOnly.FromDateTime(faker.Date.Between(new DateTime(2014, 1, 6), today.AddMonths(-7).ToDateTime(TimeOnly.MinValue)));
                var name = category == ShareholderCategory.PermanentStaff ? faker.Name.FullName() : faker.Company.CompanyName();
                var admitted = new ShareholderAdmitted(Guid.CreateVersion7(), entityId, null, null, name, faker.Internet.Email(provider: "partenaires.example.org").ToLowerInvariant(),
                    category, on, $"CA du {on:yyyy-MM-dd}");
                streams.Add(Paid(Shareholder.Admit(admitted, rules.For(category).MinimumShares * faker.Random.Int(1, 5), rules, today), today));
            }
        }
        foreach (var stream in streams)
        {
            session.Events.StartStream<Shareholder>(((ShareholderAdmitted)stream[0]).ShareholderId, stream.Cast<object>().ToArray());
        }
        return ShareMovementPublications.PublishedMovements(streams.SelectMany(ShareMovementPublications.AfterEach), rulesHistory);
    }

    /// <summary>The first subscription paid on admission.</summary>
    private static IReadOnlyList<IRegisterEvent> Paid(IReadOnlyList<IRegisterEvent> admission, DateOnly today)
    {
        var state = Shareholder.Replay(admission, today)!;
        return [.. admission, state.Pay(state.Unpaid, state.AdmittedOn, "Bulletin de souscription", today)];
    }
}

public sealed class SeedDemoAssembliesHandler(IGovernanceStore store, TimeProvider clock)
{
    /// <summary>
    /// The assemblies are planned and voted in sessions of their own (a ballot needs its box's key stored); the past one is
    /// closed, and the board seated, in Wolverine's session, whose transaction publishes the <see cref="AssemblyClosed"/>.
    /// </summary>
    public async Task<OutgoingMessages> HandleAsync(SeedDemoAssemblies command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var smartFr = await session.Query<CooperativeEntity>().SingleOrDefaultAsync(e => e.Code == "SmartFr", cancellationToken);
        if (smartFr is null || await session.LoadAsync<GovernanceRules>(smartFr.Id, cancellationToken) is null
            || await session.Query<Assembly>().AnyAsync(a => a.EntityId == smartFr.Id, cancellationToken))
        {
            return new OutgoingMessages();
        }
        var entityId = smartFr.Id;
        var register = await session.Query<Shareholder>().Where(s => s.EntityId == entityId).OrderBy(s => s.AdmittedOn).ThenBy(s => s.Name).ToListAsync(cancellationToken);

        var faker = new Faker("fr") { Random = new Randomizer(2019) };
        var past = await HoldAsync(entityId, $"Assemblée générale ordinaire {now.AddDays(-170).Year}", now.AddDays(-170), register, turnout: 0.35, faker, cancellationToken);
        var demoMember = register.Single(s => s.Email == SeedGovernanceDemoDataHandler.DemoMemberEmail).Id;
        var open = await HoldAsync(entityId, $"Assemblée générale {now.AddDays(20).Year}", now.AddDays(20), register.Where(s => s.Id != demoMember).ToList(), turnout: 0.15,
            faker, cancellationToken);

        var closed = (await session.LoadAsync<Assembly>(past, cancellationToken))!;
        var rights = register.Count(s => s.HasVotingRightOn(closed.Date));
        closed.Close(await Count.ResultsAsync(session, closed, Convocation.First, rights, cancellationToken));
        session.UpdateRevision(closed, closed.Version + 1);
        session.Delete<BallotBoxKey>(closed.Id);
        var turnout = await Count.TurnoutAsync(session, closed, cancellationToken);

        // Twelve administrators whose mandates started two years apart (the oldest end at the coming one), each a
        // shareholder by then, the categories taken in turn.
        var coming = (await session.LoadAsync<Assembly>(open, cancellationToken))!.Date;
        var categories = new Queue<ShareholderCategory>(Enumerable.Repeat(new[]
        {
            ShareholderCategory.ActivityCoordinator, ShareholderCategory.PermanentStaff, ShareholderCategory.ActivityCoordinator, ShareholderCategory.Client,
            ShareholderCategory.AffiliatedOrOccasionalUser, ShareholderCategory.SectorPartner,
        }, 2).SelectMany(c => c));
        var chosen = new HashSet<Guid>();
        var mandates = new List<BoardMandate>();
        for (var i = 0; i < 12; i++)
        {
            var start = coming.AddYears(-6 + 2 * (i % 3));
            var category = categories.Dequeue();
            var candidate = register.FirstOrDefault(s => s.Category == category && s.HasVotingRightOn(start) && !chosen.Contains(s.Id))
                ?? register.First(s => s.HasVotingRightOn(start) && !chosen.Contains(s.Id));
            chosen.Add(candidate.Id);
            mandates.Add(BoardMandate.Start(candidate, start, 6, electedBy: null, alreadySits: false));
        }
        session.Store<BoardMandate>(mandates);
        return new OutgoingMessages { closed.ToClosed(turnout.Electronic, turnout.ByProxy) };
    }

    /// <summary>An assembly convened 30 days before its day (no e-mails in the demo) and a share of the register voting on its three resolutions.</summary>
    private async Task<Guid> HoldAsync(Guid entityId, string title, DateTimeOffset first, IReadOnlyList<Shareholder> register, double turnout, Faker faker,
        CancellationToken cancellationToken)
    {
        var convenedAt = first.AddDays(-30);
        var assembly = Assembly.Plan(entityId, title, "La Bellevilloise, 19-21 rue Boyer, 75020 Paris", first, first.AddDays(14), 240,
            ["Rapport de gestion et rapport du réviseur coopératif", "Approbation des comptes et affectation du résultat", "Renouvellement du conseil d'administration",
             "Modification des statuts"],
            [
                ("Approbation des comptes", "L'assemblée générale approuve les comptes de l'exercice écoulé.", ResolutionKind.Ordinary, true),
                ("Affectation du résultat", "L'assemblée générale affecte le résultat en réserves impartageables.", ResolutionKind.Ordinary, false),
                ("Modification de l'article 15 des statuts", "L'assemblée générale modifie l'article 15 relatif aux collèges de vote.", ResolutionKind.Extraordinary, false),
            ], convenedAt.AddDays(-1));
        assembly.Convene(noticeDays: 15, DateOnly.FromDateTime(convenedAt.UtcDateTime));
        await using (var session = store.LightweightSession())
        {
            session.Store(assembly);
            session.Insert(BallotBoxKey.For(assembly.Id));
            await session.SaveChangesAsync(cancellationToken);
        }
        await using (var session = store.LightweightSession())
        {
            var loaded = (await session.LoadAsync<Assembly>(assembly.Id, cancellationToken))!;
            foreach (var voter in register.Where(s => s.HasVotingRightOn(loaded.Date) && faker.Random.Double() < turnout))
            {
                foreach (var resolution in loaded.Resolutions)
                {
                    var choice = faker.Random.Double() switch { < 0.74 => Choice.Yes, < 0.92 => Choice.No, _ => Choice.Abstain };
                    await BallotBox.CastAsync(session, loaded, resolution.Id, voter, voter, choice,
                        faker.Random.Double() < 0.8 ? VoteChannel.Electronic : VoteChannel.InPerson, cancellationToken);
                }
            }
            await session.SaveChangesAsync(cancellationToken);
        }
        return assembly.Id;
    }
}
