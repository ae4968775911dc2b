using Smart.BuildingBlocks.Domain;

namespace Smart.Modules.Collections.Domain.Provisions;

/// <summary>From <see cref="DaysAfterDue"/> days after the due date, <see cref="Rate"/> of what is left to pay is provisioned as doubtful.</summary>
public sealed record ProvisionTier(int DaysAfterDue, decimal Rate);

/// <summary>The write-downs of doubtful receivables: a rate of what is left to pay, rising with the days late.</summary>
public sealed record ProvisionPolicy(IReadOnlyList<ProvisionTier> Tiers)
{
    /// <summary>When an entity configured none: half at due + 180 days, all of it at due + 365.</summary>
    public static readonly ProvisionPolicy Default = new([new(180, 0.50m), new(365, 1.00m)]);

    internal static ProvisionPolicy InForce(IEnumerable<ProvisionPolicyVersion> entityVersions, DateOnly date) => entityVersions.InForceOn(date)?.Policy ?? Default;
}

/// <summary>An entity's provision policy from a date.</summary>
internal sealed record ProvisionPolicyVersion(Guid Id, Guid EntityId, DateOnly EffectiveFrom, ProvisionPolicy Policy) : IEffectiveDated;
