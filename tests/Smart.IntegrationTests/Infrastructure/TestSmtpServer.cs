using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Smart.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server in the test process (the SmtpServer package) on a free loopback port, keeping every e-mail it
/// receives. It serves its connections concurrently, as a relay does: netDumbster, used before, served one connection
/// at a time, so the bus's parallel sends (<c>Smart:Mail:ParallelSends</c>) queued behind each other (ADR 0109).
/// </summary>
public sealed class TestSmtpServer : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    // Kept as received and parsed when read: the collections bench hands 45,000 e-mails to this server in its own
    // process, and parsing each on arrival was the server's work, not the platform's.
    private readonly ConcurrentQueue<byte[]> _received = new();
    private readonly CancellationTokenSource _stop = new();

    public TestSmtpServer()
    {
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new NoDelayListeners(started);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(_received));
        // Port 0: the system picks a free port, read back once the listener runs.
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, 0))).Build();
        var running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        running.ContinueWith(t => started.TrySetException(t.Exception ?? (Exception)new InvalidOperationException("The SMTP server stopped before listening.")),
            TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously);
        Port = started.Task.WaitAsync(StartTimeout).GetAwaiter().GetResult();
    }

    public int Port { get; }

    /// <summary>Every e-mail received so far, in the order they arrived.</summary>
    public IReadOnlyList<MimeMessage> ReceivedEmail => _received.Select(raw => MimeMessage.Load(new MemoryStream(raw))).ToList();

    /// <summary>How many e-mails were received so far.</summary>
    public int Count => _received.Count;

    public void ClearReceivedEmail() => _received.Clear();

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    /// <summary>
    /// Accepts connections with NoDelay: the package's own listener leaves Nagle's algorithm on, and each reply then
    /// waits for the client's delayed acknowledgement (44 ms an e-mail measured here, against 1 ms with NoDelay).
    /// </summary>
    private sealed class NoDelayListeners(TaskCompletionSource<int> started) : IEndpointListenerFactory
    {
        public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            started.TrySetResult(((IPEndPoint)listener.LocalEndpoint).Port);
            return new Listener(listener);
        }

        private sealed class Listener(TcpListener listener) : IEndpointListener
        {
            public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
            {
                var socket = await listener.AcceptSocketAsync(cancellationToken);
                socket.NoDelay = true;
                return new PlainPipe(new NetworkStream(socket, ownsSocket: true));
            }

            public void Dispose() => listener.Stop();
        }

        /// <summary>Plain SMTP only: the host talks to this server without TLS (StartTlsWhenAvailable, none offered).</summary>
        private sealed class PlainPipe(NetworkStream stream) : ISecurableDuplexPipe
        {
            public PipeReader Input { get; } = PipeReader.Create(stream);

            public PipeWriter Output { get; } = PipeWriter.Create(stream);

            public bool IsSecure => false;

            public SslProtocols SslProtocol => SslProtocols.None;

            public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken) =>
                throw new NotSupportedException("The tests' SMTP server offers no TLS.");

            public void Dispose() => stream.Dispose();
        }
    }

    private sealed class Store(ConcurrentQueue<byte[]> received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            received.Enqueue(buffer.ToArray());
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
