// Ingest keys (§14): one write key per integration, sent as `Authorization: Bearer <key>` on the
// connector routes. The key presented is hashed and compared with every configured key's hash
// (all of them, without stopping at a match), so neither the answer time nor an early exit tells
// a caller how much of a key was right. A key only ever writes: the reading routes refuse it.
import type { Call } from './http.ts';

/** `ingestKeys` of createSyncStatusHandler: integration id → its key (an unset entry, e.g. a missing env var, is ignored). */
export type IngestKeysOption = Readonly<Record<string, string | undefined>>;

export interface IngestKeys {
  /** Whether any key is configured. */
  readonly configured: boolean;
  /** The integration whose key the request carries, or null (no key, or one that matches none). */
  integrationOf(call: Call): Promise<string | null>;
}

/** Shortest key accepted: a key guessed is a connector impersonated. */
const MIN_KEY_LENGTH = 16;
const MAX_KEY_LENGTH = 1024;

const encoder = new TextEncoder();
const digest = async (text: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));

/** The Bearer credential of a request, or null. */
function presented(call: Call): string | null {
  const header = call.header('authorization');
  if (!header || header.length > MAX_KEY_LENGTH + 16) return null;
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header);
  return match ? match[1] : null;
}

export function createIngestKeys(option: IngestKeysOption): IngestKeys {
  const entries = Object.entries(option).filter((entry): entry is [string, string] => entry[1] !== undefined);
  for (const [integrationId, key] of entries) {
    if (typeof key !== 'string' || key.length < MIN_KEY_LENGTH || key.length > MAX_KEY_LENGTH) {
      throw new TypeError(`ingestKeys.${integrationId} must be a string of ${MIN_KEY_LENGTH} to ${MAX_KEY_LENGTH} characters.`);
    }
  }
  // Hashed once, on first use (Web Crypto is asynchronous).
  let hashed: Promise<{ integrationId: string; hash: Uint8Array }[]> | undefined;
  const hashes = () => (hashed ??= Promise.all(entries.map(async ([integrationId, key]) => ({ integrationId, hash: await digest(key) }))));

  return {
    configured: entries.length > 0,
    async integrationOf(call) {
      const key = presented(call);
      if (key === null || key.length > MAX_KEY_LENGTH) return null;
      const [hash, known] = await Promise.all([digest(key), hashes()]);
      let found: string | null = null;
      for (const entry of known) {
        let difference = 0;
        for (let i = 0; i < hash.length; i++) difference |= hash[i] ^ entry.hash[i];
        if (difference === 0) found = entry.integrationId;
      }
      return found;
    },
  };
}
