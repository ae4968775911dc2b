using Smart.BuildingBlocks.Bus;

namespace Smart.Benchmarks;

/// <summary>Brings the host to its steady state before a benchmark measures it.</summary>
internal static class WarmUp
{
    private const int Round = 250;
    private const int MaxRounds = 12;

    /// <summary>
    /// A running host has compiled its hot paths long ago: rounds of the operation (4 callers), each followed by an idle
    /// moment for the tiered compiler, until a round leaves fewer than 1 % of the methods compiled so far to compile
    /// (ADR 0127). The compiler promotes a method only after 30 calls and a pause without new first compilations, so a
    /// fixed count of operations measured some runs half-compiled.
    /// </summary>
    public static async Task RunAsync(IServiceProvider services, Func<Task> operation)
    {
        var rounds = 0;
        long compiled;
        do
        {
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            await Parallel.ForEachAsync(Enumerable.Range(0, Round), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, _) => await operation());
            await services.WaitForIdleBusAsync(TimeSpan.FromMinutes(2));
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        while (++rounds < MaxRounds && System.Runtime.JitInfo.GetCompiledMethodCount() - compiled > compiled / 100);
        Console.WriteLine($"  warm-up: {rounds} rounds of {Round}, {System.Runtime.JitInfo.GetCompiledMethodCount() - compiled} methods compiled in the last one");
    }
}
