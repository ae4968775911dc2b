using Smart.BuildingBlocks.Modules;
using Smart.Modules.Collections.Persistence;

namespace Smart.Modules.Collections;

/// <summary>Collections: receivables, dunning, payments and write-downs.</summary>
public sealed class CollectionsModule() : Module("Collections", CollectionsDbContext.SchemaName, typeof(CollectionsDbContext));
