using System.Diagnostics;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Smart.BuildingBlocks.Mail;

/// <summary>
/// The SMTP connections the platform sends through, kept open between e-mails (ADR 0117). Opening one costs a TCP
/// handshake, the greeting, EHLO, STARTTLS and authentication — tens of milliseconds, more than a message; a day's
/// 45,000 reminders sent one connection each would spend most of their time there. At most
/// <see cref="MailOptions.ParallelSends"/> stay open; one idle for <see cref="MailOptions.ConnectionIdleTime"/> or used for
/// <see cref="MailOptions.MessagesPerConnection"/> e-mails is closed politely (QUIT), so that a server is not held by a
/// client with nothing to say.
/// </summary>
public sealed class SmtpConnections : IAsyncDisposable
{
    private readonly IOptions<MailOptions> _options;
    private readonly Lock _gate = new();
    private readonly List<Connection> _idle = [];
    private readonly Timer _sweeper;
    private long _opened;

    public SmtpConnections(IOptions<MailOptions> options)
    {
        _options = options;
        var period = options.Value.ConnectionIdleTime / 2;
        _sweeper = new Timer(_ => CloseIdle(), null, period, period);
    }

    /// <summary>Connections opened since the start (a connection reused is not counted again).</summary>
    public long Opened => Interlocked.Read(ref _opened);

    /// <summary>
    /// Sends on an open connection, or a new one. A connection the server closed while it waited (its idle timeout, a
    /// restart) fails on its first command: the e-mail is then sent on a new connection. Any other failure is the
    /// caller's (the bus retries the e-mail later).
    /// </summary>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (TakeIdle() is { } reused)
        {
            try
            {
                await reused.Client.SendAsync(message, cancellationToken);
                await ReturnAsync(reused);
                return;
            }
            catch (Exception e) when (e is IOException or ServiceNotConnectedException or SmtpProtocolException
                                          or SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable })
            {
                reused.Client.Dispose();
            }
            catch
            {
                reused.Client.Dispose();
                throw;
            }
        }

        var connection = await OpenAsync(cancellationToken);
        try
        {
            await connection.Client.SendAsync(message, cancellationToken);
        }
        catch
        {
            connection.Client.Dispose();
            throw;
        }
        await ReturnAsync(connection);
    }

    private Connection? TakeIdle()
    {
        lock (_gate)
        {
            // The most recently used first: the likeliest to be still open, and the others age out.
            for (var i = _idle.Count - 1; i >= 0; i--)
            {
                var connection = _idle[i];
                _idle.RemoveAt(i);
                if (connection.Client.IsConnected) return connection;
                connection.Client.Dispose();
            }
            return null;
        }
    }

    private async Task<Connection> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = _options.Value;
        var client = new SmtpClient();
        // SMTP is a dialogue of short lines: without NoDelay each command can wait for the peer's delayed acknowledgement.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(settings.Host, settings.Port, cancellationToken);
            await client.ConnectAsync(socket, settings.Host, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
        Interlocked.Increment(ref _opened);
        return new Connection(client);
    }

    private async Task ReturnAsync(Connection connection)
    {
        var settings = _options.Value;
        connection.Sent++;
        lock (_gate)
        {
            if (connection.Sent < settings.MessagesPerConnection && _idle.Count < Math.Max(1, settings.ParallelSends))
            {
                connection.IdleSince = Stopwatch.GetTimestamp();
                _idle.Add(connection);
                return;
            }
        }
        await CloseAsync(connection);
    }

    private void CloseIdle()
    {
        var maxIdle = _options.Value.ConnectionIdleTime;
        List<Connection> expired;
        lock (_gate)
        {
            expired = _idle.Where(c => Stopwatch.GetElapsedTime(c.IdleSince) >= maxIdle).ToList();
            _idle.RemoveAll(expired.Contains);
        }
        foreach (var connection in expired) _ = CloseAsync(connection);
    }

    private static async Task CloseAsync(Connection connection)
    {
        try
        {
            if (connection.Client.IsConnected) await connection.Client.DisconnectAsync(quit: true);
        }
        catch (Exception e) when (e is IOException or ServiceNotConnectedException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
        {
            // Closed by the server first, or too slow to answer QUIT: nothing is left to say to it.
        }
        finally
        {
            connection.Client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _sweeper.DisposeAsync();
        List<Connection> open;
        lock (_gate)
        {
            open = [.. _idle];
            _idle.Clear();
        }
        foreach (var connection in open) await CloseAsync(connection);
    }

    private sealed class Connection(SmtpClient client)
    {
        public SmtpClient Client { get; } = client;

        public int Sent { get; set; }

        public long IdleSince { get; set; } = Stopwatch.GetTimestamp();
    }
}
