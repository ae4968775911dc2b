using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Smart.BuildingBlocks.Messaging;

/// <summary>
/// One delivery to do: message <see cref="MessageId"/> to <see cref="Handler"/>, not before <see cref="DeliverAt"/>.
/// An event with three subscribers is three rows, so each subscriber retries and dead-letters on its own.
/// </summary>
internal sealed class OutboxMessage
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    public required string MessageType { get; set; }
    public required string Payload { get; set; }
    public required string Handler { get; set; }
    public Guid CorrelationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset DeliverAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<OutboxMessage>
    {
        public void Configure(EntityTypeBuilder<OutboxMessage> builder)
        {
            builder.ToTable("outbox_messages");
            builder.HasKey(m => m.Id);
            builder.Property(m => m.Id).UseIdentityAlwaysColumn();
            builder.Property(m => m.Payload).HasColumnType("jsonb");
            builder.HasIndex(m => new { m.DeliverAt, m.Id });
        }
    }
}

/// <summary>Written in the consumer's own transaction: a redelivered (message, handler) pair is skipped.</summary>
internal sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public required string Handler { get; set; }
    public DateTimeOffset HandledAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<InboxMessage>
    {
        public void Configure(EntityTypeBuilder<InboxMessage> builder)
        {
            builder.ToTable("inbox_messages");
            builder.HasKey(m => new { m.MessageId, m.Handler });
        }
    }
}

/// <summary>A delivery that failed every retry, kept with its error until an operator replays it.</summary>
internal sealed class DeadLetter
{
    public Guid Id { get; set; }
    public Guid MessageId { get; set; }
    public required string MessageType { get; set; }
    public required string Payload { get; set; }
    public required string Handler { get; set; }
    public Guid CorrelationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset FailedAt { get; set; }
    public int Attempts { get; set; }
    public required string Error { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<DeadLetter>
    {
        public void Configure(EntityTypeBuilder<DeadLetter> builder)
        {
            builder.ToTable("dead_letters");
            builder.HasKey(m => m.Id);
            builder.Property(m => m.Payload).HasColumnType("jsonb");
        }
    }
}
