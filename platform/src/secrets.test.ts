import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createSecretBox,
  generateSecretsKey,
  parseSecretsKey,
  type SecretOwner,
  SecretsKeyError,
} from './secrets';
import { sealV1 } from './testing/legacy-seal';

const owner: SecretOwner = {
  workspaceId: '6f1c0a52-1d8e-4a34-9b0f-0c7d2b9a1e11',
  channelId: '0b7d3c44-5e6f-4a1b-8c9d-1e2f3a4b5c6d',
};

const randomUUIDLike = () => `${randomBytes(4).toString('hex')}-0000-4000-8000-000000000000`;

describe('secret box', () => {
  const rawKey = generateSecretsKey();
  const box = createSecretBox(rawKey);

  it('round-trips secrets and never stores them in the clear', () => {
    const sealed = box.encrypt({ accessToken: 'EAAG-very-secret' }, owner);
    expect(sealed).not.toContain('EAAG');
    expect(sealed.startsWith('v2.')).toBe(true);
    expect(box.decrypt(sealed, owner)).toEqual({ accessToken: 'EAAG-very-secret' });
    expect(box.encrypt({ a: 'x' }, owner)).not.toBe(box.encrypt({ a: 'x' }, owner));
  });

  it('refuses secrets sealed under another key or tampered with', () => {
    const sealed = box.encrypt({ authToken: 'abc' }, owner);
    expect(() => createSecretBox(generateSecretsKey()).decrypt(sealed, owner)).toThrow(
      /RUTA_SECRETS_KEY differs/,
    );
    const parts = sealed.split('.');
    parts[3] = `${parts[3]?.slice(0, -2)}AA`;
    expect(() => box.decrypt(parts.join('.'), owner)).toThrow(SecretsKeyError);
  });

  it('a sealed value copied to another channel or workspace does not open there', () => {
    const sealed = box.encrypt({ authToken: 'abc' }, owner);
    expect(() => box.decrypt(sealed, { ...owner, channelId: randomUUIDLike() })).toThrow(
      SecretsKeyError,
    );
    expect(() => box.decrypt(sealed, { ...owner, workspaceId: randomUUIDLike() })).toThrow(
      SecretsKeyError,
    );
  });

  it('refuses a shortened tag (GCM would otherwise check 4 bytes: 2^32 forgery attempts)', () => {
    const [version, iv, tag, body] = box.encrypt({ authToken: 'abc' }, owner).split('.');
    const short = Buffer.from(tag ?? '', 'base64url')
      .subarray(0, 4)
      .toString('base64url');
    expect(() => box.decrypt([version, iv, short, body].join('.'), owner)).toThrow(SecretsKeyError);
  });

  it('tells the old format apart: v1 opens only through openLegacy, never as a channel secret', () => {
    const old = sealV1(rawKey, { appSecret: 'old-secret' });
    expect(box.openLegacy(old)).toEqual({ appSecret: 'old-secret' });
    expect(() => box.decrypt(old, owner)).toThrow(/old format/);
    expect(() => box.openLegacy(box.encrypt({ a: 'b' }, owner))).toThrow(SecretsKeyError);
  });

  it('signs per purpose: a signature for one purpose does not verify another', () => {
    const sig = box.sign('click', 'msg-1 https://tienda.mx');
    expect(box.verify('click', 'msg-1 https://tienda.mx', sig)).toBe(true);
    expect(box.verify('open', 'msg-1 https://tienda.mx', sig)).toBe(false);
    expect(box.verify('click', 'msg-1 https://evil.example', sig)).toBe(false);
    expect(box.verify('click', 'msg-1 https://tienda.mx', 'short')).toBe(false);
  });

  it('explains what a usable key looks like', () => {
    expect(parseSecretsKey('a'.repeat(64))).toHaveLength(32);
    expect(parseSecretsKey(Buffer.alloc(32, 7).toString('base64'))).toHaveLength(32);
    expect(parseSecretsKey('una frase de paso suficientemente larga!!')).toHaveLength(32);
    expect(() => parseSecretsKey('short')).toThrow(/openssl rand -hex 32/);
  });
});
