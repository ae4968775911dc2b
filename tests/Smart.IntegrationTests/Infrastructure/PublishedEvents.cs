using Wolverine.Tracking;

namespace Smart.IntegrationTests.Infrastructure;

public static class PublishedEvents
{
    /// <summary>
    /// The events of a type a tracked action published, each once however many modules subscribe to it (one envelope per
    /// subscribing queue) and whether any does yet (an event nobody handles is recorded as having no route).
    /// </summary>
    public static IReadOnlyList<T> Published<T>(this ITrackedSession tracked) =>
        tracked.AllRecordsInOrder()
            .Where(r => r.MessageEventType is MessageEventType.Sent or MessageEventType.NoRoutes)
            .Select(r => r.Message).Where(m => m is T)
            .Distinct(ReferenceEqualityComparer.Instance).Cast<T>().ToList();
}
