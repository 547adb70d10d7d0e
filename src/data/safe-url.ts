// Judged on the parsed URL, with no trimming: whitespace or control characters anywhere
// (which the URL parser would silently strip) make a URL unsafe rather than repaired.
const WHITESPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/**
 * Returns the URL when it is an absolute `http:`/`https:` URL with a host, else `null`.
 * Anything else (`javascript:`, `data:`, `vbscript:`, relative, malformed) must render as text.
 */
export function safeUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 8192) return null;
  if (WHITESPACE_OR_CONTROL.test(value)) return null;
  if (!/^https?:\/\//i.test(value)) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return null;
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) return null;
  return parsed.href;
}
