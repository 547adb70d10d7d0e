// HubSpot's v3 request signatures (what `hubspot.fetch` and webhooks send): base64 of
// HMAC-SHA256(client secret, method + URI + body + timestamp), with the timestamp (ms) in
// X-HubSpot-Request-Timestamp. HubSpot signs the URI with some percent-escapes decoded, so the
// decoded form is checked first and the URI as received second. Web Crypto's `verify` compares
// in constant time.

export interface VerifyHubSpotSignatureOptions {
  /** The app's client secret. */
  clientSecret: string;
  /** Oldest signature accepted, in milliseconds (default 300000, HubSpot's five minutes). */
  maxAgeMs?: number;
  /** Milliseconds since the epoch (default `Date.now()`). */
  now?: number;
  /**
   * The public URL HubSpot called, when it differs from `request.url` (behind a proxy or a load
   * balancer that terminates TLS, `request.url` is the internal one).
   */
  url?: string;
}

/** The escapes HubSpot decodes in the URI it signs (its request-validation guide lists them). */
const DECODED: Readonly<Record<string, string>> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};
const ESCAPE = /%(?:3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi;
const BASE64 = /^[A-Za-z0-9+/]{43}=$/;

/** The URI as HubSpot signs it: the listed escapes decoded, everything else (the query's `?` too) kept. */
export function hubSpotSignedUri(url: string): string {
  return url.replace(ESCAPE, (escape) => DECODED[escape.toUpperCase()]);
}

/**
 * Whether the request carries a valid, recent `X-HubSpot-Signature-v3`. Never throws for a bad
 * request; the body stays readable (it is read from a clone).
 */
export async function verifyHubSpotSignature(
  request: Request,
  { clientSecret, maxAgeMs = 300_000, now = Date.now(), url = request.url }: VerifyHubSpotSignatureOptions,
): Promise<boolean> {
  if (typeof clientSecret !== 'string' || clientSecret === '') throw new TypeError('verifyHubSpotSignature needs the app client secret.');
  const signature = request.headers.get('x-hubspot-signature-v3');
  const timestamp = request.headers.get('x-hubspot-request-timestamp');
  if (!signature || !timestamp || !BASE64.test(signature) || !/^\d{1,15}$/.test(timestamp)) return false;
  const age = now - Number(timestamp);
  // A timestamp from the future is as suspect as an old one (beyond the same window).
  if (!(Math.abs(age) <= maxAgeMs)) return false;

  let body: string;
  try {
    body = request.body ? await request.clone().text() : '';
  } catch {
    return false;
  }
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(clientSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const expected = Uint8Array.from(atob(signature), (char) => char.charCodeAt(0));
  const method = request.method.toUpperCase();
  const candidates = new Set([hubSpotSignedUri(url), url]);
  for (const uri of candidates) {
    if (await crypto.subtle.verify('HMAC', key, expected, encoder.encode(`${method}${uri}${body}${timestamp}`))) return true;
  }
  return false;
}
