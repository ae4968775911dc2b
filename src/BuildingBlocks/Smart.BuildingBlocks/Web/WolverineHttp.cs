using System.Reflection;
using System.Text.Json;
using FluentValidation;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using JasperFx.CodeGeneration.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Smart.BuildingBlocks.Bus;
using Wolverine.Http;
using Wolverine.Http.CodeGen;

namespace Smart.BuildingBlocks.Web;

/// <summary>
/// Wolverine.Http endpoints answer like the minimal-API ones: the body is read with ASP.NET Core's JSON options and a
/// body it cannot read, like a validation failure, throws, so that <see cref="ProblemDetailsMapping"/> writes the very
/// same problem details (Wolverine's own answers would differ in title and field errors).
/// </summary>
public static class WolverineHttp
{
    public static WolverineHttpOptions UseSmartConventions(this WolverineHttpOptions http)
    {
        http.AddPolicy<BodyPolicy>();
        // `?page=abc` is refused, not read as the default; ProblemDetailsRegistration gives the answer our field errors.
        http.RejectUnparseableQueryValues = true;
        return http;
    }

    /// <summary>
    /// Wolverine's answer to an unparseable query value (title "Invalid query string value", the parameter in
    /// <c>parameter</c>) rewritten as the minimal APIs' one: "The request is not valid." with the parameter's field error.
    /// </summary>
    internal static void NameTheQueryParameter(ProblemDetails problem)
    {
        if (problem.Status != StatusCodes.Status400BadRequest || problem.Title != "Invalid query string value"
            || !problem.Extensions.Remove("parameter", out var parameter) || parameter is not string name) return;
        problem.Title = "The request is not valid.";
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [JsonNamingPolicy.CamelCase.ConvertName(name)] = [problem.Detail ?? ""] };
    }

    /// <summary>The request body as minimal APIs read it (with RouteHandlerOptions.ThrowOnBadRequest): a 415 or 400 <see cref="BadHttpRequestException"/> carrying the serializer's error.</summary>
    public static async Task<T> ReadBodyAsync<T>(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            throw new BadHttpRequestException($"Expected a supported JSON media type but got \"{context.Request.ContentType}\".", StatusCodes.Status415UnsupportedMediaType);
        }
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(context.Request.Body, options, context.RequestAborted)
                ?? throw new BadHttpRequestException($"The request body of type {typeof(T).Name} is empty.");
        }
        catch (JsonException json)
        {
            throw new BadHttpRequestException($"Failed to read the request body as JSON {typeof(T).Name}.", json);
        }
    }

    /// <summary>
    /// For every endpoint with a JSON body: the body is read by <see cref="ReadBodyAsync{T}"/> instead of Wolverine's
    /// reader, then validated first when its type has validators (a <see cref="ValidationException"/>, hence the usual 400).
    /// </summary>
    private sealed class BodyPolicy : IHttpPolicy
    {
        public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
        {
            foreach (var chain in chains.Where(c => c.HasRequestType))
            {
                var type = chain.RequestType!;
                var read = new MethodCall(typeof(WolverineHttp), typeof(WolverineHttp).GetMethod(nameof(ReadBodyAsync))!.MakeGenericMethod(type))
                {
                    CommentText = "The request body, read like minimal APIs read it",
                };
                var arguments = chain.Method.Arguments;
                var index = Array.FindIndex(arguments, a => a?.VariableType == type);
                if (index < 0) continue;
                // Wolverine's reader goes; ours stays out of the middleware list (where Wolverine would turn it into an
                // assignment of its own body variable) and comes in as the creator of the argument.
                chain.Middleware.RemoveAll(frame => frame.Creates.Contains(arguments[index]));
                arguments[index] = read.ReturnVariable!;
                if (!container.RegistrationsFor(typeof(IValidator<>).MakeGenericType(type)).Any()) continue;
                var validate = new MethodCall(typeof(MessageValidators), typeof(MessageValidators).GetMethod(nameof(MessageValidators.ValidateAsync))!.MakeGenericMethod(type))
                {
                    CommentText = "FluentValidation of the request body",
                };
                validate.Arguments[0] = read.ReturnVariable!;
                chain.Middleware.Insert(0, validate);
            }
        }
    }
}

/// <summary>A problem a Wolverine.Http endpoint may answer, documented like minimal APIs' <c>ProducesProblem(status)</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ProducesProblemAttribute(int status) : ModifyHttpChainAttribute
{
    public override void Modify(HttpChain chain, GenerationRules rules) => chain.Metadata.ProducesProblem(status);
}

/// <summary>400 with field errors, documented like minimal APIs' <c>ProducesValidationProblem()</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProducesValidationProblemAttribute : ModifyHttpChainAttribute
{
    public override void Modify(HttpChain chain, GenerationRules rules) => chain.Metadata.ProducesValidationProblem();
}

/// <summary>What a Wolverine.Http command endpoint may answer besides success, documented like <see cref="CommandEndpoints.ProducesCommandProblems"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProducesCommandProblemsAttribute : ModifyHttpChainAttribute
{
    public override void Modify(HttpChain chain, GenerationRules rules) => chain.Metadata.ProducesCommandProblems();
}
