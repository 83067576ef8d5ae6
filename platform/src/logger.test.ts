import { Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { createLogger } from './logger';

test('channel credentials and authorization headers never reach the log', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const log = createLogger('test', 'info', sink);
  log.info(
    {
      config: { accessToken: 'EAAG-secret', phoneNumberId: '1065' },
      channel: { config: { authToken: 'tw-secret', password: 'smtp-secret' } },
      headers: { authorization: 'Bearer ruta_secret' },
    },
    'channel saved',
  );
  const text = lines.join('');
  for (const secret of ['EAAG-secret', 'tw-secret', 'smtp-secret', 'ruta_secret'])
    expect(text).not.toContain(secret);
  expect(text).toContain('1065');
  expect(text).toContain('[redacted]');
});
