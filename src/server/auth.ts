// Who may read which record: with `auth: { tokenSecret }` an embed token (Bearer header, or the
// `token` query parameter of `/events`, since EventSource sends no headers) naming the record;
// with a function, the deployer's own decision per request and record.
import type { RecordRef } from '../data/types.ts';
import { secretKey, tokenCovers, verifyEmbedToken, type EmbedTokenClaims } from './embed-token.ts';
import type { Call } from './http.ts';

/** `auth` of createSyncStatusHandler. */
export type AuthOption = { tokenSecret: string | Uint8Array } | ((request: Request, record: RecordRef) => boolean | Promise<boolean>);

/** What the route learns before it reads the records: the request is anonymous-denied (401) or may go on. */
export type Gate = { denied: 401 } | { check: (record: RecordRef) => boolean | Promise<boolean> };

const ALLOW_ALL: Gate = { check: () => true };

/** Parses `Authorization: Bearer <token>`; null without one. */
function bearer(call: Call, allowQuery: boolean): string | null {
  const header = call.header('authorization');
  if (header) {
    const match = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)[ ]*$/i.exec(header);
    return match ? match[1] : null;
  }
  return allowQuery ? call.url.searchParams.get('token') : null;
}

/** The gate for one request (`allowQueryToken` on `/events` only). */
export function createGate(auth: AuthOption | undefined): (call: Call, allowQueryToken: boolean) => Promise<Gate> {
  if (!auth) return async () => ALLOW_ALL;
  if (typeof auth === 'function') {
    return async (call) => ({ check: async (record) => (await auth(call.request(), record)) === true });
  }
  // Checked once, at creation: a short secret is a deployment mistake, not a request's.
  const key = secretKey(auth.tokenSecret);
  return async (call, allowQueryToken) => {
    const token = bearer(call, allowQueryToken);
    if (!token) return { denied: 401 };
    let claims: EmbedTokenClaims;
    try {
      claims = await verifyEmbedToken(token, key);
    } catch {
      return { denied: 401 };
    }
    return { check: (record) => tokenCovers(claims.rec, record) };
  };
}
