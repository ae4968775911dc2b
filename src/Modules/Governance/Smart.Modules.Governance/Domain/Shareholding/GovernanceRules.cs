using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Governance.Domain.Shareholding;

/// <summary>A category's college and the shares a shareholder of it must hold at least.</summary>
internal sealed record CategoryRule(ShareholderCategory Category, VotingCollege College, int MinimumShares);

/// <summary>A college's weight in every tally, as a fraction (0.25 for 25 %).</summary>
internal sealed record CollegeWeight(VotingCollege College, decimal Weight);

/// <summary>
/// An entity's governance rules from <see cref="EffectiveFrom"/> until the next version: the share's nominal value, how many
/// instalments a subscription may be paid in, categories and colleges with their weights, the convocation's notice, the
/// proxies one shareholder may hold and the board mandates' length.
/// </summary>
internal sealed record GovernanceRulesVersion(
    DateOnly EffectiveFrom,
    decimal NominalValue,
    int MaxInstalments,
    IReadOnlyList<CategoryRule> Categories,
    IReadOnlyList<CollegeWeight> Colleges,
    int ConvocationNoticeDays,
    int MaxProxiesPerHolder,
    int MandateYears) : IEffectiveDated
{
    public CategoryRule For(ShareholderCategory category) =>
        Categories.SingleOrDefault(c => c.Category == category) ?? throw new BusinessRuleViolationException(new CategoryIsConfigured(category));

    public VotingCollege CollegeOf(ShareholderCategory category) => For(category).College;

    /// <summary>SmartFr's articles: four colleges 25 / 25 / 40 / 10 %, a 20.00 € share, one share at least (four for partners).</summary>
    public static GovernanceRulesVersion SmartFr(DateOnly from) => new(from, 20.00m, 4,
    [
        new(ShareholderCategory.ActivityCoordinator, VotingCollege.Beneficiaries, 1),
        new(ShareholderCategory.AffiliatedOrOccasionalUser, VotingCollege.Beneficiaries, 1),
        new(ShareholderCategory.ContractManagementEmployer, VotingCollege.Beneficiaries, 1),
        new(ShareholderCategory.PermanentStaff, VotingCollege.ServiceProducers, 1),
        new(ShareholderCategory.Client, VotingCollege.PartnersAndClients, 4),
        new(ShareholderCategory.SectorPartner, VotingCollege.PartnersAndClients, 4),
        new(ShareholderCategory.TerritorialPartner, VotingCollege.EconomicPartnersAndPublicBodies, 4),
        new(ShareholderCategory.ProfessionalPartner, VotingCollege.PartnersAndClients, 4),
        new(ShareholderCategory.EconomicPartner, VotingCollege.EconomicPartnersAndPublicBodies, 4),
    ],
    [
        new(VotingCollege.Beneficiaries, 0.25m), new(VotingCollege.ServiceProducers, 0.25m),
        new(VotingCollege.PartnersAndClients, 0.40m), new(VotingCollege.EconomicPartnersAndPublicBodies, 0.10m),
    ], 15, 2, 6);

    private sealed record CategoryIsConfigured(ShareholderCategory Category) : IBusinessRule
    {
        public bool IsBroken() => true;

        public string Message => $"The entity's governance rules do not configure the category {Category}.";
    }
}

/// <summary>An entity's governance rules over time (the document's id is the entity's): a change applies from a date, never retroactively.</summary>
internal sealed class GovernanceRules
{
    private readonly List<GovernanceRulesVersion> _versions = [];

    private GovernanceRules()
    {
    }

    public Guid Id { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<GovernanceRulesVersion> Versions => _versions.OrderBy(v => v.EffectiveFrom).ToList();

    public static GovernanceRules Of(Guid entityId) => new() { Id = entityId };

    /// <summary>The rules in force on a date; none is a 409 saying so.</summary>
    public GovernanceRulesVersion On(DateOnly date) => _versions.RequiredOn(date, "governance rules");

    /// <summary>Adds a version from its date, which may not be in the past nor on or before the latest version (the seed records history with <paramref name="today"/> earlier).</summary>
    public void Add(GovernanceRulesVersion version, DateOnly today)
    {
        BusinessRules.Check(new RulesChangeIsNotRetroactive(version.EffectiveFrom, today, _versions.Count == 0 ? null : _versions.Max(v => v.EffectiveFrom)));
        BusinessRules.Check(new WeightsAddUpToOne(version.Colleges.Sum(c => c.Weight)));
        _versions.Add(version);
    }

    private sealed record RulesChangeIsNotRetroactive(DateOnly EffectiveFrom, DateOnly Today, DateOnly? Latest) : IBusinessRule
    {
        public bool IsBroken() => EffectiveFrom < Today || EffectiveFrom <= Latest;

        public string Message => EffectiveFrom < Today
            ? $"A rule change applies from a date, never retroactively: {EffectiveFrom:yyyy-MM-dd} is before today ({Today:yyyy-MM-dd})."
            : $"A new version must start after the latest one ({Latest:yyyy-MM-dd}).";
    }

    private sealed record WeightsAddUpToOne(decimal Sum) : IBusinessRule
    {
        public bool IsBroken() => Sum != 1m;

        public string Message => $"The colleges' weights must add up to 100 %, not {Sum * 100} %.";
    }
}
