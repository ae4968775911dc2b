namespace Smart.BuildingBlocks.Web;

/// <summary>Body of a 201 Created: the new resource's id (its address is in the Location header).</summary>
public sealed record ResourceCreated(Guid Id);

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
