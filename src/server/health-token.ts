// Health tokens: the HS256 JWT of the embed tokens (./embed-token.ts), opening the health routes
// of one portal (contract §15) instead of one record. Claims `scope: "health"` and `portalId`
// replace `rec`, so neither kind of token can pass for the other: an embed token has no scope, a
// health token no record.
import { secretKey, signHs256, verifyHs256 } from './embed-token.ts';

/** The claims of a valid health token. */
export interface HealthTokenClaims {
  scope: 'health';
  /** The portal (tenant) whose records the token opens; `null`: the records stored without one. */
  portalId: string | null;
  /** Expiry, Unix seconds. */
  exp: number;
  /** Issued at, Unix seconds (absent when the minting side left it out). */
  iat?: number;
  /** The CRM user, when given (the resyncs it queues name them). */
  sub?: string;
}

export interface CreateHealthTokenOptions {
  /** The portal whose health page the token opens (`null`: a deployment with no portals). */
  portalId: string | null;
  /** The HMAC key shared with the sync API: at least 32 bytes (a string is taken as UTF-8). */
  secret: string | Uint8Array;
  /** Lifetime in seconds (default 900). */
  ttlSeconds?: number;
  /** The CRM user the token is for (`sub`). */
  subject?: string;
  /** Milliseconds since the epoch to mint at (default `Date.now()`). */
  now?: number;
}

const MAX_PORTAL_ID = 256;

function portalClaim(value: unknown): value is string | null {
  return value === null || (typeof value === 'string' && value !== '' && value.length <= MAX_PORTAL_ID);
}

/** Mints a health token for one portal. */
export async function createHealthToken({ portalId, secret, ttlSeconds = 900, subject, now = Date.now() }: CreateHealthTokenOptions): Promise<string> {
  if (!portalClaim(portalId)) throw new TypeError('createHealthToken needs a portalId: a non-empty string of at most 256 characters, or null.');
  return signHs256({ scope: 'health', portalId }, secretKey(secret), { ttlSeconds, subject, now });
}

/**
 * Verifies a health token and returns its claims. Rejects as `verifyEmbedToken` does (signature,
 * HS256 only, `exp` with 30 s leeway, format), and when `scope` is not `"health"` or `portalId`
 * is missing: an embed token is never a health token.
 */
export async function verifyHealthToken(token: string, secret: string | Uint8Array, { now }: { now?: number } = {}): Promise<HealthTokenClaims> {
  const payload = await verifyHs256(token, secretKey(secret), now, 'health');
  if (payload.scope !== 'health') throw new Error('Invalid health token: no health scope.');
  if (!('portalId' in payload) || !portalClaim(payload.portalId)) throw new Error('Invalid health token: no portal claim.');
  const claims: HealthTokenClaims = { scope: 'health', portalId: payload.portalId, exp: payload.exp as number };
  if (typeof payload.iat === 'number') claims.iat = payload.iat;
  if (typeof payload.sub === 'string') claims.sub = payload.sub;
  return claims;
}
