import { createHash, randomBytes } from 'node:crypto';

/** Keys look like `ruta_<24 random bytes>`; only their SHA-256 is stored. */
export function generateApiKey(): string {
  return `ruta_${randomBytes(24).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The first characters, shown in lists so a key can be recognised without being revealed. */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, 9);
}
