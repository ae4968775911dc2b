using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace Smart.BuildingBlocks.Web;

/// <summary>The shapes every module's command endpoints share, so that they answer and document alike.</summary>
public static class CommandEndpoints
{
    /// <summary>What a command may answer besides success: 400 with field errors, 404 for what the caller may not see, 409 for a broken rule or a concurrent edit.</summary>
    public static RouteHandlerBuilder ProducesCommandProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>A POST whose body is a command creating a resource: 201 with the resource's address (<paramref name="location"/> then its id) and its id.</summary>
    public static RouteHandlerBuilder MapCreateCommand<TCommand>(this IEndpointRouteBuilder routes, string pattern, string location) where TCommand : notnull =>
        routes.MapPost(pattern, (TCommand command, IMessageBus bus, CancellationToken ct) => bus.CreateAsync(command, location, ct))
            .ProducesCommandProblems();

    /// <summary>Invokes a command creating a resource: 201 with the resource's address (<paramref name="location"/> then its id) and its id.</summary>
    public static async Task<Created<ResourceCreated>> CreateAsync(this IMessageBus bus, object command, string location, CancellationToken ct)
    {
        return Created(location, await bus.InvokeAsync<Guid>(command, ct));
    }

    /// <summary>201 with the created resource's address (<paramref name="location"/> then its id) and its id.</summary>
    public static Created<ResourceCreated> Created(string location, Guid id) => TypedResults.Created(location + id, new ResourceCreated(id));
}
