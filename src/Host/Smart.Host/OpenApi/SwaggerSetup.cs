using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Smart.Host.OpenApi;

internal static class SwaggerSetup
{
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddSmartSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Smart — shared-enterprise cooperative platform",
                Version = "v1",
                Description = "Log in with POST /api/auth/login (demo accounts in the README), then Authorize with the access token.",
            });
            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The accessToken returned by POST /api/auth/login.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [],
            });
            // A reference type without `?` is not nullable in the document: a web client's `string` stays a `string`.
            options.SupportNonNullableReferenceTypes();
            options.SchemaFilter<RequiredPropertiesSchemaFilter>();
            options.SchemaFilter<ExampleSchemaFilter>();
            options.CustomSchemaIds(ModuleSchemaIds.For);
            options.OperationFilter<NoWolverineChainDescription>();
        });
        return services;
    }
}

/// <summary>Request types show their own <c>static Example</c> in the OpenAPI document, so the example lives beside the command.</summary>
internal sealed class ExampleSchemaFilter(IOptions<JsonOptions> json) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        var example = context.Type.GetProperty("Example", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
        if (schema is OpenApiSchema concrete && example?.PropertyType == context.Type)
        {
            concrete.Examples = [JsonSerializer.SerializeToNode(example.GetValue(null), context.Type, json.Value.SerializerOptions)!];
        }
    }
}

/// <summary>
/// A Wolverine.Http chain is itself endpoint metadata whose description is its internal key (e.g. POST_api_payroll_pay_runs),
/// which also becomes the summary of an endpoint without one; our endpoints document themselves with their own summary
/// only, as the minimal-API ones do.
/// </summary>
internal sealed class NoWolverineChainDescription : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Wolverine.Http.HttpChain>().FirstOrDefault() is { } chain)
        {
            if (operation.Description == chain.Description) operation.Description = null;
            if (operation.Summary == chain.Description) operation.Summary = null;
        }
    }
}
