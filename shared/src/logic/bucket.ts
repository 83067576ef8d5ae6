import type { Pilot } from '../model/index';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over the key's UTF-8 bytes. */
export function fnv1a(key: string): number {
  let hash = FNV_OFFSET;
  const mix = (byte: number) => {
    hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
  };
  for (const char of key) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) mix(code);
    else if (code < 0x800) {
      mix(0xc0 | (code >> 6));
      mix(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      mix(0xe0 | (code >> 12));
      mix(0x80 | ((code >> 6) & 0x3f));
      mix(0x80 | (code & 0x3f));
    } else {
      mix(0xf0 | (code >> 18));
      mix(0x80 | ((code >> 12) & 0x3f));
      mix(0x80 | ((code >> 6) & 0x3f));
      mix(0x80 | (code & 0x3f));
    }
  }
  return hash;
}

/**
 * A stable bucket 0..99 for a key: the same key lands in the same bucket in every process.
 * FNV-1a alone spreads keys that differ only in a few characters unevenly over `% 100`
 * ("jrn_1:ct_7:enrollment" vs "…ct_8…"), so its result goes through murmur3's 32-bit finalizer.
 */
export function bucketOf(key: string): number {
  let hash = fnv1a(key);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) % 100;
}

export type PilotGroup = 'excluded' | 'holdout' | 'treatment';

/**
 * Which group a contact falls in for a journey's pilot. Enrollment and holdout use separate
 * hashes, so raising the enrollment percentage adds contacts without moving anyone already in
 * between holdout and treatment. Holdout is a share of the enrolled contacts.
 */
export function assignPilotGroup(
  contactId: string,
  journeyId: string,
  pilot?: Pick<Pilot, 'enrollmentPercent' | 'holdoutPercent'> | null,
): PilotGroup {
  const enrollmentPercent = pilot?.enrollmentPercent ?? 100;
  const holdoutPercent = pilot?.holdoutPercent ?? 0;
  if (bucketOf(`${journeyId}:${contactId}:enrollment`) >= enrollmentPercent) return 'excluded';
  if (bucketOf(`${journeyId}:${contactId}:holdout`) < holdoutPercent) return 'holdout';
  return 'treatment';
}
