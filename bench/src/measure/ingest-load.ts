/**
 * The ingest load generator, run as its own process so it does not share an event loop with the
 * benchmark: autocannon POSTing one event per request (a contact from a pool of 5,000, an event
 * name no journey triggers on). Prints one JSON line with the summary.
 *
 *   node --import tsx bench/src/measure/ingest-load.ts <baseUrl> <apiKey> <tag> <seconds> <connections>
 */
import autocannon from 'autocannon';

const [baseUrl, apiKey, tag, seconds, connections] = process.argv.slice(2);
if (!baseUrl || !apiKey || !tag)
  throw new Error('usage: ingest-load <baseUrl> <apiKey> <tag> <seconds> <connections>');

let sequence = 0;
const CONTACTS = 5_000;

const result = await autocannon({
  url: baseUrl,
  connections: Number(connections ?? 50),
  duration: Number(seconds ?? 10),
  requests: [
    {
      method: 'POST',
      path: '/api/events',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      setupRequest(request) {
        sequence += 1;
        const contact = sequence % CONTACTS;
        return {
          ...request,
          body: JSON.stringify({
            id: `${tag}-${sequence}`,
            name: 'product_viewed',
            contact: {
              externalId: `${tag}-c-${contact}`,
              phone: `+52155${String(20_000_000 + contact).slice(-8)}`,
              firstName: 'Ana',
            },
            properties: { sku: `SKU-${sequence % 300}`, price: 199, source: 'bench' },
          }),
        };
      },
    },
  ],
});

process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    perSecond: result.requests.average,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
    durationS: result.duration,
  })}\n`,
);
