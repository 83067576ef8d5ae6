import { harness, startTcpProxy, type TcpProxy } from '@ruta/platform/testing';
import { type ApiHarness, startApiHarness } from './api-harness';

/**
 * An API that reaches Temporal through a relay the test can cut (`relay.cut()`, `relay.restore()`):
 * Temporal "goes away" for the API only, while the worker keeps its own connection.
 */
export async function apiBehindTemporalRelay(): Promise<{
  api: ApiHarness;
  relay: TcpProxy;
  stop(): Promise<void>;
}> {
  const [host, port] = harness().temporalAddress.split(':');
  const relay = await startTcpProxy({ host: host as string, port: Number(port) });
  const api = await startApiHarness({ apiTemporalAddress: relay.address });
  return {
    api,
    relay,
    async stop() {
      await relay.restore().catch(() => undefined);
      await api.stop();
      await relay.close();
    },
  };
}
