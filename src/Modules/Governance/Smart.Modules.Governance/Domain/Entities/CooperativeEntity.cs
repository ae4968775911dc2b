using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Governance.Domain.Entities;

public enum EntityKind
{
    /// <summary>Société coopérative d'intérêt collectif (collective-interest cooperative).</summary>
    Scic,

    /// <summary>Coopérative d'activité et d'emploi (activity and employment cooperative).</summary>
    Cae,

    /// <summary>Wage-portage cooperative.</summary>
    WagePortage,
}

/// <summary>
/// A legal entity of the group (SmartFr, GrandsEnsemble...): its rules are effective-dated, and a change
/// applies from a date, never retroactively.
/// </summary>
internal sealed class CooperativeEntity : AggregateRoot
{
    private readonly List<EntitySettingsVersion> _settings = [];
    private readonly List<EntityLegalIdentityVersion> _legalIdentity = [];

    private CooperativeEntity()
    {
        Code = Name = Country = null!;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public EntityKind Kind { get; private set; }

    /// <summary>ISO 3166 alpha-2.</summary>
    public string Country { get; private set; }

    public IReadOnlyList<EntitySettingsVersion> Settings => _settings.OrderBy(s => s.EffectiveFrom).ToList();

    /// <summary>Who the entity is in law, version by version; empty until recorded (entities created before it was asked).</summary>
    public IReadOnlyList<EntityLegalIdentityVersion> LegalIdentity => _legalIdentity.OrderBy(s => s.EffectiveFrom).ToList();

    /// <summary>
    /// Creates an entity with its settings history (the seed brings past versions, e.g. SmartFr's 2022 rate change) and,
    /// optionally, the history of its legal identity.
    /// </summary>
    public static CooperativeEntity Create(string code, string name, EntityKind kind, string country, IReadOnlyList<EntitySettingsVersion> history,
        IReadOnlyList<EntityLegalIdentityVersion>? legalIdentity = null)
    {
        legalIdentity ??= [];
        CheckRule(new EntityHasSettings(history.Count));
        CheckRule(new SettingsDatesAreDistinct(history.Select(h => h.EffectiveFrom).ToList()));
        CheckRule(new SettingsDatesAreDistinct(legalIdentity.Select(h => h.EffectiveFrom).ToList()));
        foreach (var version in legalIdentity)
        {
            CheckRule(new FrenchEntityHasFrenchVatNumber(country.ToUpperInvariant(), version.Identity.VatNumber));
        }
        var entity = new CooperativeEntity
        {
            Id = Guid.CreateVersion7(),
            Code = code,
            Name = name,
            Kind = kind,
            Country = country.ToUpperInvariant(),
        };
        entity._settings.AddRange(history);
        entity._legalIdentity.AddRange(legalIdentity);
        return entity;
    }

    /// <summary>Adds a version of the rules from <paramref name="version"/>'s date, which may not be in the past nor before the latest version.</summary>
    public void ChangeSettings(EntitySettingsVersion version, DateOnly today)
    {
        CheckNewVersion(version.EffectiveFrom, today, _settings.Max(s => s.EffectiveFrom));
        _settings.Add(version);
    }

    /// <summary>Adds a version of the legal identity, under the same rules as the settings: from a date, never in the past nor before the latest version.</summary>
    public void ChangeLegalIdentity(EntityLegalIdentityVersion version, DateOnly today)
    {
        CheckNewVersion(version.EffectiveFrom, today, _legalIdentity.Count == 0 ? null : _legalIdentity.Max(s => s.EffectiveFrom));
        CheckRule(new FrenchEntityHasFrenchVatNumber(Country, version.Identity.VatNumber));
        _legalIdentity.Add(version);
    }

    /// <summary>The legal identity in force on a date, or null before its first version.</summary>
    public EntityLegalIdentityVersion? LegalIdentityOn(DateOnly date) =>
        _legalIdentity.InForceOn(date);

    private static void CheckNewVersion(DateOnly effectiveFrom, DateOnly today, DateOnly? latest)
    {
        CheckRule(new SettingsChangeIsNotRetroactive(effectiveFrom, today));
        if (latest is { } date) CheckRule(new SettingsChangeFollowsLatestVersion(effectiveFrom, date));
    }

    /// <summary>The rules in force on a date, or null before the entity's first version.</summary>
    public EntitySettingsVersion? SettingsOn(DateOnly date) =>
        _settings.InForceOn(date);

    public EntitySettingsChanged ToSettingsChanged(EntitySettingsVersion version) => new(
        Id, Code, version.EffectiveFrom, version.ContributionRate, version.PayoutRuleKind, version.PayoutDay,
        version.DefaultVatRate, version.GuaranteeFundAdvanceAllowed, version.TrainingVatExempt, version.TrainingVatExemptionMention);

    public EntityLegalIdentityChanged ToLegalIdentityChanged(EntityLegalIdentityVersion version) =>
        new(Id, Code, version.EffectiveFrom, version.Identity, version.LogoWithType);

    private sealed record EntityHasSettings(int Count) : IBusinessRule
    {
        public bool IsBroken() => Count == 0;

        public string Message => "An entity needs settings from its first day.";
    }

    private sealed record SettingsDatesAreDistinct(IReadOnlyList<DateOnly> Dates) : IBusinessRule
    {
        public bool IsBroken() => Dates.Distinct().Count() != Dates.Count;

        public string Message => "Two versions of an entity's settings (or of its legal identity) cannot start on the same day.";
    }

    private sealed record SettingsChangeIsNotRetroactive(DateOnly EffectiveFrom, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => EffectiveFrom < Today;

        public string Message => $"A change of the entity's rules or identity applies from a date, never retroactively: {EffectiveFrom:yyyy-MM-dd} is before today ({Today:yyyy-MM-dd}).";
    }

    private sealed record SettingsChangeFollowsLatestVersion(DateOnly EffectiveFrom, DateOnly Latest) : IBusinessRule
    {
        public bool IsBroken() => EffectiveFrom <= Latest;

        public string Message => $"A new version must start after the latest one ({Latest:yyyy-MM-dd}).";
    }

    /// <summary>A French entity's invoices carry its French intra-community VAT number (whose key and SIREN the version checks).</summary>
    private sealed record FrenchEntityHasFrenchVatNumber(string Country, string VatNumber) : IBusinessRule
    {
        public bool IsBroken() => Country == "FR" && !VatNumber.StartsWith("FR", StringComparison.Ordinal);

        public string Message => $"A French entity's VAT number starts with FR, not {VatNumber}.";
    }
}
