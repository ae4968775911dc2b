using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Persistence;

namespace Smart.BuildingBlocks.Web;

/// <summary>
/// Every error leaves as RFC 7807 problem details: 400 with field errors for bad input, 404, 409 for rule and
/// concurrency conflicts, 503 with Retry-After while the database is unreachable. Anything a client can send maps to
/// a 4xx; only our own faults are a 500.
/// </summary>
internal sealed partial class ProblemDetailsMapping(
    IProblemDetailsService problemDetails,
    IOptions<DatabaseOutageOptions> outage,
    ILogger<ProblemDetailsMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem = exception switch
        {
            ValidationException validation => new HttpValidationProblemDetails(FieldErrors(validation))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
            },
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad when BoundParameter(bad.Message) is { } parameter =>
                new HttpValidationProblemDetails(new Dictionary<string, string[]> { [parameter] = [bad.Message] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The request is not valid.",
                },
            // A value of the wrong type or text the converters refuse: the serializer names the field (e.g. $.lines[0].quantity).
            BadHttpRequestException { InnerException: JsonException { Path: ['$', '.', ..] path } json } => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [path[2..]] = [json.Message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
                Detail = json.Message,
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request could not be read.",
                Detail = (bad.InnerException as JsonException)?.Message ?? bad.Message,
            },
            JsonException json => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "The request could not be read.", Detail = json.Message },
            NotFoundException notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = notFound.Message },
            BusinessRuleViolationException rule => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The change breaks a rule of the cooperative.",
                Detail = rule.Message,
                Extensions = { ["rule"] = rule.Rule },
            },
            ConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Someone else changed this resource first.",
                Detail = "Reload it and apply your change again.",
            },
            _ when UniqueViolation(exception) is { } unique => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "This already exists.",
                Detail = $"A record with the same key already exists ({unique.ConstraintName}).",
            },
            _ when DatabaseUnavailable.Is(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is temporarily unavailable.",
                Detail = "The database cannot be reached. Try again in a few seconds.",
            },
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." },
        };

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // An outage fails every request alike: one line each, not a stack trace each.
            logger.LogWarning("Database unavailable on {Method} {Path}: {Reason}", httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
            outage.Value.WriteRetryAfter(httpContext.Response);
        }
        else if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// A duplicate key: a Marten unique index (or an id stored twice), or the Identity store's, whatever wraps
    /// PostgreSQL's answer (Marten's DocumentAlreadyExistsException, EF Core's DbUpdateException).
    /// </summary>
    private static PostgresException? UniqueViolation(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique => unique,
        { InnerException: { } inner } => UniqueViolation(inner),
        _ => null,
    };

    /// <summary>
    /// The route or query parameter a binding failure names, e.g. <c>Required parameter "Guid entityId" was not provided
    /// from query string.</c> or <c>Failed to bind parameter "int Page" from "abc".</c> → <c>entityId</c>, <c>page</c> (camelCase, as the client wrote it).
    /// </summary>
    private static string? BoundParameter(string message) =>
        BindingFailure().Match(message) is { Success: true } match ? JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Value) : null;

    [GeneratedRegex(@"^(?:Required parameter|Failed to bind parameter) ""[^""]*?(?<name>\w+)""")]
    private static partial Regex BindingFailure();

    /// <summary>Field names as the client wrote them in JSON (camelCase), e.g. <c>Address.City</c> → <c>address.city</c>.</summary>
    private static Dictionary<string, string[]> FieldErrors(ValidationException validation) =>
        validation.Errors
            .GroupBy(e => string.Join('.', e.PropertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName)))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
}

public static class ProblemDetailsRegistration
{
    public static IServiceCollection AddSmartProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            WolverineHttp.NameTheQueryParameter(context.ProblemDetails);
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemDetailsMapping>();
        DatabaseOutageOptions.Bind(services);
        // Binding failures (malformed JSON, wrong types, unknown enum values) throw, so they reach the mapping above.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}
