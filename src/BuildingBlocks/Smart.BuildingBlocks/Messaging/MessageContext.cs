using Smart.BuildingBlocks.Modules;
using Smart.BuildingBlocks.Persistence;

namespace Smart.BuildingBlocks.Messaging;

/// <summary>Identity of one message on its way: the id the inbox dedupes on, and the correlation id that follows a flow.</summary>
public sealed record Envelope(Guid MessageId, Guid CorrelationId, string MessageType);

/// <summary>Scoped: the message being handled and the module transaction that outgoing messages join.</summary>
internal sealed class MessageContext
{
    public Envelope? Envelope { get; private set; }

    public IModule? Module { get; private set; }

    public ModuleDbContext? Db { get; private set; }

    public int Outgoing { get; set; }

    public void Begin(Envelope envelope, IModule module, ModuleDbContext db)
    {
        Envelope = envelope;
        Module = module;
        Db = db;
    }
}
