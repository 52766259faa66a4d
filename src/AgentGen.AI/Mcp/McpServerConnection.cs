using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGen.AI.Mcp
{
    /// <summary>
    /// One started MCP server: its client, its tools named as Claude Code names them
    /// (<c>mcp__&lt;server&gt;__&lt;tool&gt;</c>), and whether it is still there. Disposing stops it (a stdio server's
    /// process tree is killed by the SDK's transport).
    /// </summary>
    internal sealed class McpServerConnection : IAsyncDisposable
    {
        private readonly McpClient _client;
        private readonly Action<McpServerConnection, Exception?> _onLost;
        private int _state; // 0 alive, 1 lost, 2 disposed

        private McpServerConnection(McpServerConfig config, string? agentName, McpClient client, Action<McpServerConnection, Exception?> onLost)
        {
            Config = config;
            AgentName = agentName;
            _client = client;
            _onLost = onLost;
        }

        public McpServerConfig Config { get; }

        /// <summary>The agent an inline server belongs to; null for a project server.</summary>
        public string? AgentName { get; }

        public IReadOnlyList<AIFunction> Tools { get; private set; } = Array.Empty<AIFunction>();

        public bool IsAlive => Volatile.Read(ref _state) == 0;

        /// <summary>
        /// Starts the server and lists its tools, within <paramref name="timeout"/> (Claude Code's <c>MCP_TIMEOUT</c>,
        /// 30 s by default: code.claude.com/docs/en/env-vars). Throws on failure; whatever was started is stopped first.
        /// </summary>
        public static async Task<McpServerConnection> ConnectAsync(
            McpServerConfig config,
            string? agentName,
            string projectDirectory,
            TimeSpan timeout,
            ILoggerFactory? loggerFactory,
            Func<string, string?> environment,
            Action<string> warn,
            Action<McpServerConnection, Exception?> onLost,
            CancellationToken cancellationToken)
        {
            IClientTransport transport = CreateTransport(config, projectDirectory, environment, warn, loggerFactory);
            using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (timeout != Timeout.InfiniteTimeSpan)
            {
                startup.CancelAfter(timeout);
            }

            McpClient? client = null;
            try
            {
                var options = new McpClientOptions
                {
                    ClientInfo = new Implementation { Name = "AgentGen", Version = typeof(McpServerConnection).Assembly.GetName().Version?.ToString() ?? "0.0.0" },
                    InitializationTimeout = timeout == Timeout.InfiniteTimeSpan ? TimeSpan.FromDays(1) : timeout,
                };
                client = await McpClient.CreateAsync(transport, options, loggerFactory, startup.Token).ConfigureAwait(false);
                IList<McpClientTool> tools = await client.ListToolsAsync(cancellationToken: startup.Token).ConfigureAwait(false);
                var connection = new McpServerConnection(config, agentName, client, onLost);
                var named = new List<AIFunction>(tools.Count);
                foreach (McpClientTool tool in tools)
                {
                    named.Add(new McpToolFunction(connection, tool, McpNames.ToolName(config.Name, tool.Name)));
                }

                connection.Tools = named;
                _ = client.Completion.ContinueWith(
                    (t, state) => ((McpServerConnection)state!).OnCompleted(t.Exception?.InnerException),
                    connection,
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
                return connection;
            }
            catch (Exception ex)
            {
                if (client is not null)
                {
                    await DisposeQuietlyAsync(client).ConfigureAwait(false);
                }
                else if (transport is IAsyncDisposable disposable)
                {
                    await DisposeQuietlyAsync(disposable).ConfigureAwait(false);
                }

                if (ex is OperationCanceledException && startup.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"MCP server '{config.Name}' did not start within {timeout.TotalSeconds:0.###} s.", ex);
                }

                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _state, 2) == 2)
            {
                return;
            }

            await DisposeQuietlyAsync(_client).ConfigureAwait(false);
        }

        /// <summary>The session ended: a server that ends while not being disposed is lost, and reported once.</summary>
        private void OnCompleted(Exception? error)
        {
            if (Interlocked.CompareExchange(ref _state, 1, 0) == 0)
            {
                _onLost(this, error);
            }
        }

        private static IClientTransport CreateTransport(McpServerConfig config, string projectDirectory, Func<string, string?> environment, Action<string> warn, ILoggerFactory? loggerFactory)
        {
            var unset = new List<string>();
            IClientTransport transport;
            switch (config.Transport)
            {
                case McpTransportKind.Stdio:
                    var env = new Dictionary<string, string?>(StringComparer.Ordinal)
                    {
                        // Claude Code sets CLAUDE_PROJECT_DIR in a spawned server's environment (code.claude.com/docs/en/mcp).
                        ["CLAUDE_PROJECT_DIR"] = projectDirectory,
                    };
                    foreach (KeyValuePair<string, string> pair in config.Env)
                    {
                        env[pair.Key] = McpEnvironment.Expand(pair.Value, environment, unset);
                    }

                    var args = new List<string>(config.Args.Count);
                    foreach (string arg in config.Args)
                    {
                        args.Add(McpEnvironment.Expand(arg, environment, unset));
                    }

                    transport = new StdioClientTransport(
                        new StdioClientTransportOptions
                        {
                            Name = config.Name,
                            Command = McpEnvironment.Expand(config.Command!, environment, unset),
                            Arguments = args,
                            EnvironmentVariables = env,
                            // Claude Code ignores a 'cwd' key (issues 17565, 42883, 54786) and starts servers in the session's
                            // directory; the project directory is that directory here.
                            WorkingDirectory = projectDirectory,
                        },
                        loggerFactory);
                    break;
                case McpTransportKind.Http:
                case McpTransportKind.Sse:
                    var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    foreach (KeyValuePair<string, string> pair in config.Headers)
                    {
                        headers[pair.Key] = McpEnvironment.Expand(pair.Value, environment, unset);
                    }

                    transport = new HttpClientTransport(
                        new HttpClientTransportOptions
                        {
                            Name = config.Name,
                            Endpoint = new Uri(McpEnvironment.Expand(config.Url!, environment, unset)),
                            TransportMode = config.Transport == McpTransportKind.Sse ? HttpTransportMode.Sse : HttpTransportMode.StreamableHttp,
                            AdditionalHeaders = headers,
                        },
                        loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
                    break;
                default:
                    throw new NotSupportedException($"MCP server '{config.Name}' uses the 'ws' transport, which AgentGen cannot connect (the MCP C# SDK has no WebSocket client).");
            }

            foreach (string name in unset)
            {
                // Claude Code leaves the literal ${VAR} in place and warns; the server still starts.
                warn($"MCP server '{config.Name}': the environment variable '{name}' is not set and has no default; '${{{name}}}' is passed as written.");
            }

            return transport;
        }

        private static async Task DisposeQuietlyAsync(IAsyncDisposable disposable)
        {
            try
            {
                await disposable.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Stopping a server that already failed: nothing more to do, and nothing the caller can act on.
            }
        }

        /// <summary>
        /// An MCP tool under its Claude Code name. A call to a server that has gone away returns an error result for the
        /// model instead of throwing, so the run goes on without the tool (code.claude.com/docs/en/mcp: a server that
        /// fails does not stop the session).
        /// </summary>
        private sealed class McpToolFunction : DelegatingAIFunction
        {
            private readonly McpServerConnection _connection;
            private readonly string _name;

            public McpToolFunction(McpServerConnection connection, McpClientTool inner, string name)
                : base(inner)
            {
                _connection = connection;
                _name = name;
            }

            public override string Name => _name;

            protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
            {
                if (!_connection.IsAlive)
                {
                    return Unavailable();
                }

                try
                {
                    return await base.InvokeCoreAsync(arguments, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // A call that fails because the server went away: the session ends at about the same time (the
                    // transport sees the process exit); give it a moment before deciding this was an ordinary tool error.
                    Task completion = _connection._client.Completion;
                    await Task.WhenAny(completion, Task.Delay(TimeSpan.FromSeconds(2), cancellationToken)).ConfigureAwait(false);
                    if (_connection.IsAlive && !completion.IsCompleted)
                    {
                        throw;
                    }

                    _connection.OnCompleted(ex);
                    return Unavailable();
                }
            }

            private string Unavailable()
                => $"Error: the MCP server '{_connection.Config.Name}' is no longer connected; the tool '{_name}' is unavailable. Go on without it.";
        }
    }
}
