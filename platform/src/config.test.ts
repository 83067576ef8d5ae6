import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig, outboundPolicyFromEnv } from './config';

describe('server settings for outbound connections', () => {
  test('by default nothing private is reachable, plain SMTP is refused and providers are the official hosts', () => {
    const config = loadConfig({});
    expect(config.outbound).toEqual({ allow: [], allowPlainSmtp: false });
    expect(config.providerApiUrls).toEqual({ whatsapp: undefined, twilio: undefined });
  });

  test('RUTA_OUTBOUND_ALLOW lists hosts, addresses and ranges; RUTA_WEBHOOK_ALLOW is its old name', () => {
    expect(
      outboundPolicyFromEnv({ RUTA_OUTBOUND_ALLOW: ' 127.0.0.1, fake-graph ,10.0.0.0/8,' }).allow,
    ).toEqual(['127.0.0.1', 'fake-graph', '10.0.0.0/8']);
    expect(outboundPolicyFromEnv({ RUTA_WEBHOOK_ALLOW: '127.0.0.1' }).allow).toEqual(['127.0.0.1']);
    expect(
      outboundPolicyFromEnv({ RUTA_OUTBOUND_ALLOW: '::1', RUTA_WEBHOOK_ALLOW: '127.0.0.1' }).allow,
    ).toEqual(['::1']);
  });

  test('RUTA_SMTP_ALLOW_PLAIN is a boolean', () => {
    expect(outboundPolicyFromEnv({ RUTA_SMTP_ALLOW_PLAIN: 'true' }).allowPlainSmtp).toBe(true);
    expect(outboundPolicyFromEnv({ RUTA_SMTP_ALLOW_PLAIN: '0' }).allowPlainSmtp).toBe(false);
    expect(() => outboundPolicyFromEnv({ RUTA_SMTP_ALLOW_PLAIN: 'sometimes' })).toThrow(
      ConfigError,
    );
  });

  test('provider API URLs are server settings, checked as http(s) URLs', () => {
    const config = loadConfig({
      RUTA_WHATSAPP_API_URL: 'http://127.0.0.1:9000/',
      RUTA_TWILIO_API_URL: 'https://twilio-proxy.internal',
    });
    expect(config.providerApiUrls).toEqual({
      whatsapp: 'http://127.0.0.1:9000',
      twilio: 'https://twilio-proxy.internal',
    });
    expect(() => loadConfig({ RUTA_TWILIO_API_URL: 'ftp://x' })).toThrow(/RUTA_TWILIO_API_URL/);
  });
});
