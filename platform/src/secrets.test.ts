import { describe, expect, it } from 'vitest';
import { createSecretBox, generateSecretsKey, parseSecretsKey, SecretsKeyError } from './secrets';

describe('secret box', () => {
  const box = createSecretBox(generateSecretsKey());

  it('round-trips secrets and never stores them in the clear', () => {
    const sealed = box.encrypt({ accessToken: 'EAAG-very-secret' });
    expect(sealed).not.toContain('EAAG');
    expect(box.decrypt(sealed)).toEqual({ accessToken: 'EAAG-very-secret' });
    expect(box.encrypt({ a: 'x' })).not.toBe(box.encrypt({ a: 'x' }));
  });

  it('refuses secrets sealed under another key or tampered with', () => {
    const sealed = box.encrypt({ authToken: 'abc' });
    expect(() => createSecretBox(generateSecretsKey()).decrypt(sealed)).toThrow(
      /RUTA_SECRETS_KEY differs/,
    );
    const parts = sealed.split('.');
    parts[3] = `${parts[3]?.slice(0, -2)}AA`;
    expect(() => box.decrypt(parts.join('.'))).toThrow(SecretsKeyError);
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
