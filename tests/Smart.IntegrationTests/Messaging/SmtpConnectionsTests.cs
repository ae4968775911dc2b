using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using MimeKit;
using Smart.BuildingBlocks.Mail;
using Xunit;

namespace Smart.IntegrationTests.Messaging;

/// <summary>
/// The SMTP connections kept open between e-mails, against a real SMTP server in the test process (netDumbster, which
/// serves one session at a time): reused, capped, closed when idle, replaced when the server closed them, and every
/// e-mail delivered once.
/// </summary>
public sealed class SmtpConnectionsTests : IDisposable
{
    private readonly netDumbster.smtp.SimpleSmtpServer _server = netDumbster.smtp.Configuration.Configure().WithRandomPort().Build();

    private SmtpConnections Connections(int port = 0, int messagesPerConnection = 100, double idleSeconds = 60) =>
        new(Options.Create(new MailOptions
        {
            Host = "127.0.0.1",
            Port = port == 0 ? _server.Configuration.Port : port,
            ParallelSends = 1,
            MessagesPerConnection = messagesPerConnection,
            ConnectionIdleTime = TimeSpan.FromSeconds(idleSeconds),
        }));

    private static MimeMessage Email(int number)
    {
        var email = new MimeMessage { Subject = $"Relance {number}", Body = new TextPart("plain") { Text = "Bonjour" } };
        email.From.Add(new MailboxAddress("Smart", "recouvrement@smart.coop"));
        email.To.Add(new MailboxAddress("Client", $"client{number}@example.org"));
        return email;
    }

    [Fact]
    public async Task Five_emails_one_after_another_go_through_one_connection()
    {
        await using var connections = Connections();

        for (var i = 1; i <= 5; i++) await connections.SendAsync(Email(i), CancellationToken.None);

        Assert.Equal(1, connections.Opened);
        Assert.Equal(5, _server.ReceivedEmailCount);
    }

    [Fact]
    public async Task A_connection_is_replaced_after_its_quota_of_emails()
    {
        await using var connections = Connections(messagesPerConnection: 2);

        for (var i = 1; i <= 5; i++) await connections.SendAsync(Email(i), CancellationToken.None);

        Assert.Equal(3, connections.Opened);
        Assert.Equal(5, _server.ReceivedEmailCount);
    }

    [Fact]
    public async Task A_connection_idle_for_its_limit_is_closed_and_frees_the_server_for_another_client()
    {
        await using var first = Connections(idleSeconds: 0.2);
        await using var second = Connections(idleSeconds: 0.2);
        await first.SendAsync(Email(1), CancellationToken.None);

        // The server serves one session at a time: the second client is answered once the first has let go.
        await second.SendAsync(Email(2), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await first.SendAsync(Email(3), CancellationToken.None);

        Assert.Equal(2, first.Opened);
        Assert.Equal(3, _server.ReceivedEmailCount);
    }

    [Fact]
    public async Task An_email_on_a_connection_the_server_dropped_goes_through_a_new_connection_once()
    {
        using var relay = new Relay(_server.Configuration.Port);
        await using var connections = Connections(port: relay.Port);
        await connections.SendAsync(Email(1), CancellationToken.None);

        relay.DropConnections();
        await connections.SendAsync(Email(2), CancellationToken.None);

        Assert.Equal(2, connections.Opened);
        Assert.Equal(["client1@example.org", "client2@example.org"], _server.ReceivedEmail.Select(e => e.ToAddresses.Single().Address).Order());
    }

    [Fact]
    public async Task A_server_that_is_down_fails_the_send_for_the_bus_to_retry()
    {
        var port = _server.Configuration.Port;
        _server.Dispose();
        await using var connections = Connections(port: port);

        await Assert.ThrowsAnyAsync<SocketException>(() => connections.SendAsync(Email(1), CancellationToken.None));
        Assert.Equal(0, connections.Opened);
    }

    public void Dispose() => _server.Dispose();

    /// <summary>A TCP relay to the SMTP server whose connections can be cut, as a server's idle timeout or restart cuts them.</summary>
    private sealed class Relay : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> _open = [];

        public Relay(int target)
        {
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (true)
                {
                    TcpClient client;
                    try
                    {
                        client = await _listener.AcceptTcpClientAsync();
                    }
                    catch (Exception e) when (e is SocketException or ObjectDisposedException)
                    {
                        return;
                    }
                    var server = new TcpClient();
                    await server.ConnectAsync(IPAddress.Loopback, target);
                    lock (_open) _open.AddRange([client, server]);
                    _ = Pump(client, server);
                    _ = Pump(server, client);
                }
            });
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public void DropConnections()
        {
            lock (_open)
            {
                foreach (var client in _open) client.Dispose();
                _open.Clear();
            }
        }

        private static async Task Pump(TcpClient from, TcpClient to)
        {
            try
            {
                await from.GetStream().CopyToAsync(to.GetStream());
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The relay was cut: so is this direction.
            }
            finally
            {
                to.Dispose();
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            DropConnections();
        }
    }
}
