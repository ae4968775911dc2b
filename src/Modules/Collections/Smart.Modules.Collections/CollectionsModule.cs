using Smart.BuildingBlocks.Modules;

namespace Smart.Modules.Collections;

/// <summary>Collections: receivables, dunning, payments and write-downs.</summary>
public sealed class CollectionsModule() : Module("Collections");
