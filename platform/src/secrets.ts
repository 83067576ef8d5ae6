import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * Channel credentials at rest: AES-256-GCM under a key from the environment (RUTA_SECRETS_KEY).
 * The same key derives a separate signing key (HKDF) for links Ruta puts in messages.
 */
export interface SecretBox {
  encrypt(plain: Record<string, string>): string;
  decrypt(sealed: string): Record<string, string>;
  /** HMAC-SHA256 (base64url) of a value under a purpose-bound subkey. */
  sign(purpose: string, value: string): string;
  verify(purpose: string, value: string, signature: string): boolean;
}

export class SecretsKeyError extends Error {
  override readonly name = 'SecretsKeyError';
}

const VERSION = 'v1';

/** Accepts 32 bytes as 64 hex characters or base64; any other string of 32+ characters is hashed. */
export function parseSecretsKey(raw: string): Buffer {
  const value = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  const b64 = Buffer.from(value, 'base64');
  if (b64.length === 32 && /^[A-Za-z0-9+/_-]+=*$/.test(value)) return b64;
  if (value.length >= 32) return createHash('sha256').update(value).digest();
  throw new SecretsKeyError(
    'RUTA_SECRETS_KEY must be 32 random bytes as 64 hex characters or base64 (e.g. `openssl rand -hex 32`), or a passphrase of 32+ characters.',
  );
}

export function generateSecretsKey(): string {
  return randomBytes(32).toString('hex');
}

export function createSecretBox(rawKey: string): SecretBox {
  const key = parseSecretsKey(rawKey);
  const subkeys = new Map<string, Buffer>();
  const subkey = (purpose: string) => {
    let k = subkeys.get(purpose);
    if (!k) {
      k = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `ruta:${purpose}`, 32));
      subkeys.set(purpose, k);
    }
    return k;
  };
  const sign = (purpose: string, value: string) =>
    createHmac('sha256', subkey(purpose)).update(value).digest('base64url');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', subkey('channel-secrets'), iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        VERSION,
        iv.toString('base64url'),
        tag.toString('base64url'),
        body.toString('base64url'),
      ].join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined)
        throw new SecretsKeyError('stored channel secrets are not in a format this version reads');
      try {
        const decipher = createDecipheriv(
          'aes-256-gcm',
          subkey('channel-secrets'),
          Buffer.from(iv, 'base64url'),
        );
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        const plain = Buffer.concat([
          decipher.update(Buffer.from(body, 'base64url')),
          decipher.final(),
        ]);
        return JSON.parse(plain.toString('utf8')) as Record<string, string>;
      } catch {
        throw new SecretsKeyError(
          'stored channel secrets cannot be decrypted: RUTA_SECRETS_KEY differs from the key they were saved with',
        );
      }
    },
    sign,
    verify(purpose, value, signature) {
      const expected = Buffer.from(sign(purpose, value));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
