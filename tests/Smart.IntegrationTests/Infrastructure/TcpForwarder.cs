using System.Net;
using System.Net.Sockets;

namespace Smart.IntegrationTests.Infrastructure;

/// <summary>
/// Forwards 127.0.0.1:<see cref="Port"/> to a TCP server, so that one host can lose its database while the shared
/// PostgreSQL server keeps serving the tests running beside it. <see cref="Cut"/> resets every open connection and
/// every new one (the client sees "connection reset", as when the server goes down) until <see cref="Restore"/>.
/// </summary>
public sealed class TcpForwarder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly HashSet<Socket> _open = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private bool _cut;

    public TcpForwarder(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Cut()
    {
        lock (_open)
        {
            _cut = true;
            foreach (var socket in _open)
            {
                Reset(socket);
            }
            _open.Clear();
        }
    }

    public void Restore()
    {
        lock (_open)
        {
            _cut = false;
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        // Checked and registered under the lock: a connection accepted while Cut() runs cannot slip through.
        if (!TryRegister(client, server))
        {
            Reset(client);
            server.Dispose();
            return;
        }
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, _stopping.Token);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Cut, stopped, or the server refused: the client's socket is reset below.
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(client);
                _open.Remove(server);
            }
            Reset(client);
            Reset(server);
        }
    }

    private bool TryRegister(Socket client, Socket server)
    {
        lock (_open)
        {
            if (_cut) return false;
            _open.Add(client);
            _open.Add(server);
            return true;
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The other side or Cut() closed the connection: the forwarding ends.
        }
    }

    /// <summary>Closes with an RST (linger 0), as a crashed or unreachable server would, not with a polite FIN.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }
        socket.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stopping.Dispose();
    }
}
