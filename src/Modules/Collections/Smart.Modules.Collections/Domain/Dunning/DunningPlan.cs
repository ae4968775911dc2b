using Smart.BuildingBlocks.Domain;

namespace Smart.Modules.Collections.Domain.Dunning;

/// <summary>How a dunning step reaches the client.</summary>
public enum DunningChannel
{
    Email,
    Letter,
    CollectorTask,
    LegalHandOff,
}

/// <summary>The French texts a step can use (templates embedded in the module).</summary>
public enum DunningTemplate
{
    FriendlyReminder,
    SecondReminder,
    FormalNotice,
    CollectorCall,
    LegalAction,
}

/// <summary>The client typologies Activities knows; a plan may be set for one of them.</summary>
public enum ClientTypology
{
    Company,
    Association,
    PublicBody,
    Individual,
    Abroad,
}

/// <summary>One step of a plan: <see cref="DaysAfterDue"/> days after the due date, through a channel, with a template.</summary>
public sealed record DunningStep(int DaysAfterDue, DunningChannel Channel, DunningTemplate Template);

/// <summary>
/// The steps a receivable goes through when it is not paid, and what a formal notice to a business client states: the
/// late-payment interest rate and the fixed recovery indemnity (French commercial code, L441-10; none for individuals);
/// <see cref="ClientLinkDays"/> is how long the client's link in a reminder stays valid.
/// </summary>
public sealed record DunningPlan(IReadOnlyList<DunningStep> Steps, decimal LateInterestRate, decimal RecoveryIndemnity, int ClientLinkDays = DunningPlan.DefaultClientLinkDays)
{
    /// <summary>
    /// The plan when an entity configured none: reminders at due + 7 and + 21, formal notice at + 45, a collector's call at
    /// + 60, legal action at + 90 (on a person's decision). 12.15 % is the ECB rate of 2026 (2.15 %) plus ten points.
    /// </summary>
    public static readonly DunningPlan Default = new(
    [
        new(7, DunningChannel.Email, DunningTemplate.FriendlyReminder),
        new(21, DunningChannel.Email, DunningTemplate.SecondReminder),
        new(45, DunningChannel.Email, DunningTemplate.FormalNotice),
        new(60, DunningChannel.CollectorTask, DunningTemplate.CollectorCall),
        new(90, DunningChannel.LegalHandOff, DunningTemplate.LegalAction),
    ], 0.1215m, 40.00m);

    /// <summary>Two months: long enough to pay after the last reminder, short enough that an old e-mail stops showing the invoice.</summary>
    public const int DefaultClientLinkDays = 60;

    /// <summary>Individuals are owed neither the interest statement nor the indemnity: only business clients are.</summary>
    public static bool IsBusinessClient(string typology) => typology != nameof(ClientTypology.Individual);

    /// <summary>
    /// The plan in force on <paramref name="date"/> for a client typology of an entity: the entity's plan for that typology,
    /// else its plan for every typology, else <see cref="Default"/>.
    /// </summary>
    internal static DunningPlan InForce(IReadOnlyList<DunningPlanVersion> entityVersions, string typology, DateOnly date) =>
        (entityVersions.Where(v => v.Typology?.ToString() == typology).InForceOn(date)
         ?? entityVersions.Where(v => v.Typology is null).InForceOn(date))?.Plan
        ?? Default;
}

/// <summary>An entity's plan from a date, for one typology or (null) for every typology without its own.</summary>
internal sealed record DunningPlanVersion(Guid Id, Guid EntityId, ClientTypology? Typology, DateOnly EffectiveFrom, DunningPlan Plan) : IEffectiveDated;
