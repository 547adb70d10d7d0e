// Who may read which record: with `auth: { tokenSecret }` an embed token (Bearer header, or the
// `token` query parameter of `/events`, since EventSource sends no headers) naming the record;
// with a function, the deployer's own decision per request and record. The health routes
// (contract §15) need a health token instead, naming a portal, or the function with no record.
import type { RecordRef } from '../data/types.ts';
import { secretKey, tokenCovers, verifyEmbedToken, type EmbedTokenClaims } from './embed-token.ts';
import { verifyHealthToken, type HealthTokenClaims } from './health-token.ts';
import type { Call } from './http.ts';

/**
 * `auth` of createSyncStatusHandler. The function is called with the record a card route reads,
 * and with `record` undefined for the health routes (a whole portal's page: decide from the request).
 */
export type AuthOption = { tokenSecret: string | Uint8Array } | ((request: Request, record: RecordRef | undefined) => boolean | Promise<boolean>);

/** What the route learns before it reads the records: the request is anonymous-denied (401) or may go on. */
export type Gate = { denied: 401 } | { check: (record: RecordRef) => boolean | Promise<boolean>; subject?: string };

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
    return { check: (record) => tokenCovers(claims.rec, record), subject: claims.sub };
  };
}

/**
 * What a health route learns before it reads: denied (401 without a valid health token, 403
 * when the function says no or the `portalId` parameter names another portal than the token),
 * or the portal it reads (`null`: the records stored without one) and who asks.
 */
export type HealthGate = { denied: 401 | 403; message: string } | { portalId: string | null; subject?: string };

const PORTAL_MISMATCH = 'This token does not give access to this portal.';

/** The portal a request names in its `portalId` query parameter (absent or empty: none). */
function portalParameter(call: Call): string | null {
  return call.url.searchParams.get('portalId') || null;
}

/** The gate of the health routes (`allowQueryToken` on `/health/events` only). */
export function createHealthGate(auth: AuthOption | undefined): (call: Call, allowQueryToken: boolean) => Promise<HealthGate> {
  if (!auth) return async (call) => ({ portalId: portalParameter(call) });
  if (typeof auth === 'function') {
    return async (call) => {
      let allowed: boolean;
      try {
        allowed = (await auth(call.request(), undefined)) === true;
      } catch {
        // A function written before the health routes may read `record.objectId`: never a way in.
        allowed = false;
      }
      return allowed ? { portalId: portalParameter(call) } : { denied: 403, message: 'This request does not give access to the sync health page.' };
    };
  }
  const key = secretKey(auth.tokenSecret);
  return async (call, allowQueryToken) => {
    const token = bearer(call, allowQueryToken);
    if (!token) return { denied: 401, message: 'A valid health token is required.' };
    let claims: HealthTokenClaims;
    try {
      claims = await verifyHealthToken(token, key);
    } catch {
      return { denied: 401, message: 'A valid health token is required.' };
    }
    const named = portalParameter(call);
    if (named !== null && named !== claims.portalId) return { denied: 403, message: PORTAL_MISMATCH };
    return claims.sub === undefined ? { portalId: claims.portalId } : { portalId: claims.portalId, subject: claims.sub };
  };
}
