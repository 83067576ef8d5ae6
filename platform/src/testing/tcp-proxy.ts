import net from 'node:net';

export interface TcpProxy {
  /** `127.0.0.1:port`: connect here instead of the target. */
  readonly address: string;
  readonly port: number;
  /** An outage: stops listening and cuts every connection (new ones are refused). */
  cut(): Promise<void>;
  /** The end of the outage: listens on the same port again. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP relay in front of a real server (Temporal, PostgreSQL), for tests that need that server
 * to go away and come back while the process under test keeps its own client: `cut()` is the
 * server dying (connections reset, new ones refused), `restore()` is it answering again.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream);
        upstream.pipe(client);
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });

  await listen();
  return {
    get address() {
      return `127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    cut: stop,
    restore: listen,
    close: stop,
  };
}
