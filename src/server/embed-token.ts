// Embed tokens: standard HS256 JWTs (RFC 7519) naming the one record an iframe page may read, so
// a deployer's backend in any language can mint them. Signing and verification are `jose`'s
// (Web Crypto underneath, no dependencies, every runtime): JWT parsing is where hand-written
// code goes wrong (alg confusion, `none`, lax base64url), so it is not written here.
import { jwtVerify, SignJWT } from 'jose';
import type { RecordRef } from '../data/types.ts';

/** The claims of a valid embed token. */
export interface EmbedTokenClaims {
  /** The one record the token opens. */
  rec: RecordRef;
  /** Expiry, Unix seconds. */
  exp: number;
  /** Issued at, Unix seconds (absent when the minting side left it out). */
  iat?: number;
  /** The CRM user, when given. */
  sub?: string;
}

export interface CreateEmbedTokenOptions {
  record: RecordRef;
  /** The HMAC key shared with the sync API: at least 32 bytes (a string is taken as UTF-8). */
  secret: string | Uint8Array;
  /** Lifetime in seconds (default 900: a CRM user opening a card, not a session). */
  ttlSeconds?: number;
  /** The CRM user the token is for (`sub`). */
  subject?: string;
  /** Milliseconds since the epoch to mint at (default `Date.now()`). */
  now?: number;
}

/** Shortest HMAC key accepted: HS256 is only as strong as its key (RFC 7518 §3.2). */
const MIN_SECRET_BYTES = 32;
/** Longest token looked at: an embed token is a few hundred characters. */
const MAX_TOKEN_LENGTH = 4096;
/** Clock skew tolerated between the minting server and this one, in seconds. */
const LEEWAY_SECONDS = 30;
const MAX_FIELD = 256;

export function secretKey(secret: string | Uint8Array): Uint8Array {
  const key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  if (!(key instanceof Uint8Array) || key.byteLength < MIN_SECRET_BYTES) {
    throw new TypeError(`The token secret must be at least ${MIN_SECRET_BYTES} bytes long.`);
  }
  return key;
}

function field(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && value.length <= MAX_FIELD;
}

/** The record as a token carries it, or null when it is not a record reference. */
export function recordClaim(value: unknown): RecordRef | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { objectType, objectId, portalId } = value as Record<string, unknown>;
  if (!field(objectType) || !field(objectId)) return null;
  if (portalId !== undefined && portalId !== null && !field(portalId)) return null;
  return typeof portalId === 'string' ? { objectType, objectId, portalId } : { objectType, objectId };
}

/** Mints an embed token for one record. */
export async function createEmbedToken({ record, secret, ttlSeconds = 900, subject, now = Date.now() }: CreateEmbedTokenOptions): Promise<string> {
  const rec = recordClaim(record);
  if (!rec) throw new TypeError('createEmbedToken needs a record with a non-empty objectType and objectId.');
  return signHs256({ rec }, secretKey(secret), { ttlSeconds, subject, now });
}

/** Signs `claims` as an HS256 JWT with `iat`, `exp` and, when given, `sub` (shared with health tokens). */
export function signHs256(claims: Record<string, unknown>, key: Uint8Array, { ttlSeconds, subject, now }: { ttlSeconds: number; subject?: string; now: number }): Promise<string> {
  if (!(ttlSeconds > 0) || !Number.isFinite(ttlSeconds)) throw new TypeError('ttlSeconds must be a positive number.');
  const iat = Math.floor(now / 1000);
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + Math.ceil(ttlSeconds));
  if (subject !== undefined) jwt.setSubject(subject);
  return jwt.sign(key);
}

/**
 * Verifies an embed token and returns its claims. Rejects on a bad signature, any `alg` but
 * HS256 (`none` included), a missing or past `exp` (30 s leeway), a missing or malformed `rec`,
 * or a malformed token. The rejection says which, never echoing the token.
 */
export async function verifyEmbedToken(token: string, secret: string | Uint8Array, { now }: { now?: number } = {}): Promise<EmbedTokenClaims> {
  const payload = await verifyHs256(token, secretKey(secret), now, 'embed');
  const rec = recordClaim(payload.rec);
  if (!rec) throw new Error('Invalid embed token: no record claim.');
  const claims: EmbedTokenClaims = { rec, exp: payload.exp as number };
  if (typeof payload.iat === 'number') claims.iat = payload.iat;
  if (typeof payload.sub === 'string') claims.sub = payload.sub;
  return claims;
}

/**
 * The payload of an HS256 JWT signed with `key`, shared by the embed and health tokens. Rejects on
 * a bad signature, any `alg` but HS256 (`none` included), a missing or past `exp` (30 s leeway),
 * or a malformed token; the message names `kind` and never echoes the token.
 */
export async function verifyHs256(token: string, key: Uint8Array, now: number | undefined, kind: string): Promise<Record<string, unknown>> {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw new Error(`Invalid ${kind} token: malformed.`);
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      clockTolerance: LEEWAY_SECONDS,
      requiredClaims: ['exp'],
      currentDate: now === undefined ? undefined : new Date(now),
    });
    return payload;
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new Error(code === 'ERR_JWT_EXPIRED' ? `Invalid ${kind} token: expired.` : `Invalid ${kind} token: bad signature, algorithm or format.`, { cause: error });
  }
}

/**
 * Whether a token's record is the requested one: same `objectId`, `objectType` compared
 * case-insensitively (`COMPANY` from a CRM's URL is `company`), and the same `portalId` when the
 * token names one.
 */
export function tokenCovers(claim: RecordRef, record: RecordRef): boolean {
  if (claim.objectId !== record.objectId) return false;
  if (claim.objectType.toLowerCase() !== record.objectType.toLowerCase()) return false;
  return claim.portalId === undefined || claim.portalId === record.portalId;
}
