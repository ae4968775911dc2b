namespace Smart.BuildingBlocks.Bus;

/// <summary>
/// A message that needs a fact another message brings, not handled yet (a payslip before its contract, which another
/// module's queue carries): it will pass once that message is handled, usually milliseconds later. The bus retries it
/// on its own ladder (<see cref="BusOptions.WaitRetryDelays"/>), quick at first, before dead letters.
/// </summary>
public class NotArrivedYetException(string message) : Exception(message);
