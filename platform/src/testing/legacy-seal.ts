import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { parseSecretsKey } from '../secrets';

/**
 * A value as Ruta sealed channel secrets before v2: `v1.<iv>.<tag>.<body>`, AES-256-GCM under the
 * HKDF subkey 'ruta:channel-secrets', no owner bound. Tests of the one-time re-seal make them.
 */
export function sealV1(rawKey: string, plain: Record<string, string>): string {
  const subkey = Buffer.from(
    hkdfSync('sha256', parseSecretsKey(rawKey), Buffer.alloc(0), 'ruta:channel-secrets', 32),
  );
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', subkey, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final()]);
  return ['v1', ...[iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'))].join('.');
}
