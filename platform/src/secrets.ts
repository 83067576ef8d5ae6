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
 * Channel credentials at rest: AES-256-GCM under a key from the environment (RUTA_SECRETS_KEY),
 * with a 16-byte tag and the workspace and channel as additional authenticated data, so a sealed
 * value opens only on the channel it was sealed for. The same key derives a separate signing key
 * (HKDF) for links Ruta puts in messages.
 */
export interface SecretBox {
  encrypt(plain: Record<string, string>, owner: SecretOwner): string;
  decrypt(sealed: string, owner: SecretOwner): Record<string, string>;
  /**
   * Opens a value sealed by an earlier version (`v1`: no owner bound); only the one-time re-seal
   * at start (db/reseal-secrets.ts) uses it.
   */
  openLegacy(sealed: string): Record<string, string>;
  /** HMAC-SHA256 (base64url) of a value under a purpose-bound subkey. */
  sign(purpose: string, value: string): string;
  verify(purpose: string, value: string, signature: string): boolean;
}

/** Whose secrets these are: bound into the seal, so a copy on another channel does not open. */
export interface SecretOwner {
  workspaceId: string;
  channelId: string;
}

export class SecretsKeyError extends Error {
  override readonly name = 'SecretsKeyError';
}

/** The sealed format: `v2.<iv>.<tag>.<ciphertext>` (base64url); `v1` had no owner bound. */
export const SEALED_VERSION = 'v2';
const LEGACY_VERSION = 'v1';
const TAG_BYTES = 16;

export function sealedVersion(sealed: string): string {
  return sealed.split('.', 1)[0] ?? '';
}

const ownerData = (owner: SecretOwner) =>
  Buffer.from(`ruta:channel-secrets:${owner.workspaceId}:${owner.channelId}`, 'utf8');

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
  const sealingKey = () => subkey('channel-secrets');
  const open = (sealed: string, version: string, aad: Buffer | undefined) => {
    const [given, iv, tag, body] = sealed.split('.');
    if (given !== version || !iv || !tag || body === undefined)
      throw new SecretsKeyError(
        given === LEGACY_VERSION
          ? 'stored channel secrets are in the old format: the API re-seals them when it starts'
          : 'stored channel secrets are not in a format this version reads',
      );
    const tagBytes = Buffer.from(tag, 'base64url');
    try {
      // A shorter tag is refused, not checked on fewer bytes (GCM would accept 4-byte tags).
      if (tagBytes.length !== TAG_BYTES) throw new Error('short tag');
      const decipher = createDecipheriv('aes-256-gcm', sealingKey(), Buffer.from(iv, 'base64url'), {
        authTagLength: TAG_BYTES,
      });
      if (aad) decipher.setAAD(aad);
      decipher.setAuthTag(tagBytes);
      const plain = Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]);
      return JSON.parse(plain.toString('utf8')) as Record<string, string>;
    } catch {
      throw new SecretsKeyError(
        'stored channel secrets cannot be decrypted: RUTA_SECRETS_KEY differs from the key they were saved with, or they were sealed for another channel',
      );
    }
  };
  return {
    encrypt(plain, owner) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealingKey(), iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(ownerData(owner));
      const body = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final()]);
      return [
        SEALED_VERSION,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        body.toString('base64url'),
      ].join('.');
    },
    decrypt: (sealed, owner) => open(sealed, SEALED_VERSION, ownerData(owner)),
    openLegacy: (sealed) => open(sealed, LEGACY_VERSION, undefined),
    sign,
    verify(purpose, value, signature) {
      const expected = Buffer.from(sign(purpose, value));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
