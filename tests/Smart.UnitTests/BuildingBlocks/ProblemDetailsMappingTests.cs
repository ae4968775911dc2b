using System.Net.Sockets;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using JasperFx;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Web;

namespace Smart.UnitTests.BuildingBlocks;

public sealed class ProblemDetailsMappingTests
{
    [Fact]
    public async Task Given_a_validation_failure_Then_400_with_field_errors_in_the_clients_camel_case()
    {
        var (status, body) = await MapAsync(new ValidationException([new ValidationFailure("Address.PostCode", "Required."), new ValidationFailure("Email", "Bad.")]));

        Assert.Equal(400, status);
        Assert.Equal(["address.postCode", "email"], body.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Given_a_stale_revision_of_a_document_Then_409()
    {
        var (status, _) = await MapAsync(new ConcurrencyException(typeof(object), Guid.NewGuid()));

        Assert.Equal(409, status);
    }

    [Fact]
    public async Task Given_a_duplicate_in_a_unique_index_of_a_document_Then_409_naming_the_index()
    {
        var duplicate = new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation, constraintName: "members_entity_email");

        var (status, body) = await MapAsync(new DocumentAlreadyExistsException(duplicate, typeof(object), Guid.NewGuid()));

        Assert.Equal(409, status);
        Assert.Contains("members_entity_email", body.GetProperty("detail").GetString());
    }

    /// <summary>The Identity store's (EF Core) duplicate, e.g. a login whose e-mail exists: PostgreSQL's answer is found in what wraps it.</summary>
    [Fact]
    public async Task Given_a_duplicate_key_wrapped_by_the_identity_store_Then_409_naming_the_index()
    {
        var duplicate = new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation, constraintName: "UserNameIndex");

        var (status, body) = await MapAsync(new DbUpdateException("An error occurred while saving the entity changes.", duplicate));

        Assert.Equal(409, status);
        Assert.Contains("UserNameIndex", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Given_a_broken_rule_Then_409_naming_the_rule()
    {
        var (status, body) = await MapAsync(new BusinessRuleViolationException(new AlwaysBroken()));

        Assert.Equal(409, status);
        Assert.Equal("AlwaysBroken", body.GetProperty("rule").GetString());
        Assert.Equal("Never.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Given_our_own_fault_Then_500_without_internals()
    {
        var (status, body) = await MapAsync(new InvalidOperationException("connection string secret"));

        Assert.Equal(500, status);
        Assert.DoesNotContain("secret", body.ToString());
    }

    [Fact]
    public async Task Given_the_database_unreachable_Then_503_with_the_configured_Retry_After()
    {
        var refused = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));

        var (status, body, headers) = await MapWithHeadersAsync(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", refused));

        Assert.Equal(503, status);
        Assert.Equal(503, body.GetProperty("status").GetInt32());
        Assert.Equal("7", headers.RetryAfter.ToString());
        Assert.Equal("application/problem+json", headers.ContentType.ToString());
    }

    private sealed record AlwaysBroken : IBusinessRule
    {
        public bool IsBroken() => true;

        public string Message => "Never.";
    }

    private static async Task<(int Status, JsonElement Body)> MapAsync(Exception exception)
    {
        var (status, body, _) = await MapWithHeadersAsync(exception);
        return (status, body);
    }

    private static async Task<(int Status, JsonElement Body, IHeaderDictionary Headers)> MapWithHeadersAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddSmartProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var mapping = new ProblemDetailsMapping(services.GetRequiredService<IProblemDetailsService>(),
            Options.Create(new DatabaseOutageOptions { RetryAfterSeconds = 7 }), NullLogger<ProblemDetailsMapping>.Instance);

        Assert.True(await mapping.TryHandleAsync(context, exception, CancellationToken.None));

        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, JsonDocument.Parse(context.Response.Body).RootElement, context.Response.Headers);
    }
}
