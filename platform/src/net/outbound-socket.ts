import net from 'node:net';
import { OutboundError } from './outbound-error';
import { bareHost, type OutboundPolicy, resolveOutbound } from './outbound-policy';
import { pinnedLookup } from './outbound-request';

export interface OutboundSocketOptions {
  /** How long resolving and connecting may take. */
  deadlineMs: number;
  signal?: AbortSignal;
}

/**
 * A TCP connection Ruta opens for a tenant (SMTP), through the outbound guard: every resolved
 * address checked, the socket pinned to them. The caller bounds what happens on it afterwards.
 */
export async function outboundSocket(
  hostname: string,
  port: number,
  policy: OutboundPolicy,
  options: OutboundSocketOptions,
): Promise<net.Socket> {
  const host = bareHost(hostname);
  const controller = new AbortController();
  const timer = setTimeout(
    () =>
      controller.abort(
        new OutboundError('timeout', `${host}:${port} did not accept a connection in time`),
      ),
    options.deadlineMs,
  );
  const onCallerAbort = () =>
    controller.abort(new OutboundError('aborted', 'the connection was cancelled'));
  if (options.signal?.aborted) onCallerAbort();
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const addresses = await resolveOutbound(host, policy, controller.signal);
    return await new Promise<net.Socket>((resolve, reject) => {
      const socket = net.connect({ host, port, lookup: pinnedLookup(addresses) });
      const fail = (error: Error) => {
        socket.destroy();
        reject(error);
      };
      const onAbort = () => fail(controller.signal.reason as Error);
      if (controller.signal.aborted) return onAbort();
      controller.signal.addEventListener('abort', onAbort, { once: true });
      const onError = (error: NodeJS.ErrnoException) =>
        fail(
          new OutboundError(
            'unreachable',
            `Ruta could not connect to ${host}:${port}`,
            error.code ?? error.message,
          ),
        );
      socket.once('error', onError);
      socket.once('connect', () => {
        controller.signal.removeEventListener('abort', onAbort);
        socket.removeListener('error', onError);
        resolve(socket);
      });
    });
  } catch (error) {
    if (controller.signal.reason instanceof OutboundError) throw controller.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}
