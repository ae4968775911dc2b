using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Reporting.Definitions;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Reporting.Features.Definitions;

/// <summary>
/// The caller's entity's report definitions from a date (ADR 0097): the annual hours of one FTE, the upper limits of the
/// monthly billing bands in euros (increasing), how a monthly average is taken, the home country (ISO 3166 alpha-2). A
/// report uses the version in force on the 31 December of its year; a version of the same date is replaced.
/// </summary>
public sealed record SetReportDefinitions(DateOnly EffectiveFrom, decimal AnnualHoursPerFte, IReadOnlyList<decimal> BillingBandLimits, MonthlyAverage MonthlyAverage,
    string HomeCountry)
{
    internal sealed class Validator : AbstractValidator<SetReportDefinitions>
    {
        public Validator()
        {
            RuleFor(c => c.EffectiveFrom).IsBusinessDate();
            RuleFor(c => c.AnnualHoursPerFte).InclusiveBetween(1m, 3000m);
            RuleFor(c => c.BillingBandLimits).NotNull().Must(l => l.Count is >= 1 and <= 10).WithMessage("Between 1 and 10 band limits.")
                .Must(l => l.All(limit => limit > 0) && l.Zip(l.Skip(1)).All(p => p.First < p.Second))
                .WithMessage("Band limits are positive amounts in increasing order.").When(c => c.BillingBandLimits is not null);
            RuleFor(c => c.MonthlyAverage).IsInEnum();
            RuleFor(c => c.HomeCountry).NotEmpty().Matches("^[A-Z]{2}$").WithMessage("An ISO 3166 alpha-2 country code, e.g. FR.");
        }
    }
}

public sealed record GetReportDefinitions;

public sealed record ReportDefinitionsView(DateOnly EffectiveFrom, decimal AnnualHoursPerFte, IReadOnlyList<decimal> BillingBandLimits, MonthlyAverage MonthlyAverage,
    string HomeCountry);

public sealed class ReportDefinitionsHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task HandleAsync(SetReportDefinitions command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var entityId = user.EntityId ?? throw new NotFoundException("Entity", "of the caller");
        // Never retroactive: a past year's report keeps reading what was in force then.
        if (command.EffectiveFrom < clock.Today())
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("effectiveFrom", "Definitions apply from today or a later date.")]);
        }
        var definitions = await session.LoadAsync<ReportDefinitions>(entityId, cancellationToken) ?? ReportDefinitions.For(entityId);
        definitions.Set(new DefinitionsVersion(command.EffectiveFrom, command.AnnualHoursPerFte, command.BillingBandLimits, command.MonthlyAverage, command.HomeCountry));
        session.UpdateRevision(definitions, definitions.Version + 1);
    }

    /// <summary>The versions set, oldest first; none set, the defaults (from 2000-01-01).</summary>
    public async Task<IReadOnlyList<ReportDefinitionsView>> HandleAsync(GetReportDefinitions query, IQuerySession session, CancellationToken cancellationToken)
    {
        var versions = user.EntityId is { } entityId ? (await session.LoadAsync<ReportDefinitions>(entityId, cancellationToken))?.Versions ?? [] : [];
        return (versions.Count == 0 ? [DefinitionsVersion.Default with { EffectiveFrom = new DateOnly(2000, 1, 1) }] : versions)
            .Select(v => new ReportDefinitionsView(v.EffectiveFrom, v.AnnualHoursPerFte, v.BillingBandLimits, v.MonthlyAverage, v.HomeCountry)).ToList();
    }
}

public static class ReportDefinitionsEndpoints
{
    [WolverinePut("/api/reporting/definitions", OperationId = "SetReportDefinitions"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Sets the entity's report definitions from a date (admins): annual hours of one FTE, billing band limits, monthly average, home country.")]
    public static async Task<NoContent> Put(SetReportDefinitions command, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(command, ct);
        return TypedResults.NoContent();
    }

    [WolverineGet("/api/reporting/definitions", OperationId = "GetReportDefinitions"), Authorize(SmartPolicies.Staff)]
    [EndpointSummary("The versions of the entity's report definitions, oldest first (staff); the defaults when none was set.")]
    public static async Task<Ok<IReadOnlyList<ReportDefinitionsView>>> Get(IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<ReportDefinitionsView>>(new GetReportDefinitions(), ct));
}
