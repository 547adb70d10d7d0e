// The request and response shapes the handler works on, independent of the runtime: the Fetch
// API's Request/Response (Deno, Bun, workers, Node's fetch) and node:http (toNodeListener) both
// adapt to them, so node:http pays for no Request/Response objects it does not need.

/** The most a request body may hold (a batch of 100 records is about 10 KB). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A request as the routes read it. */
export interface Call {
  method: string;
  url: URL;
  /** A request header, or null (names are case-insensitive). */
  header(name: string): string | null;
  /** The body as text; rejects with BodyTooLargeError past `limit` bytes. */
  text(limit: number): Promise<string>;
  /** Aborts when the client goes away (node:http builds it only when something reads it). */
  readonly signal: AbortSignal;
  /** Calls `listener` once if the client goes away before the answer is sent; returns the way to stop listening. */
  onClose(listener: () => void): () => void;
  /** The same request as a Fetch `Request` (built on demand, for `auth` functions). */
  request(): Request;
}

/** A response before the runtime sends it. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | ReadableStream<Uint8Array> | null;
}

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/**
 * What every answer carries (caches and content sniffing must not touch sync data), as a new
 * object each time: a literal of fixed shape costs less per answer than spreading a shared one.
 */
const baseHeaders = (): Record<string, string> => ({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });

export function json(status: number, value: unknown, headers?: Record<string, string>): Answer {
  const all = baseHeaders();
  all['Content-Type'] = 'application/json; charset=utf-8';
  if (headers) Object.assign(all, headers);
  return { status, headers: all, body: JSON.stringify(value) };
}

/** `{"error":{"message"}}`: the one error body. Messages are ours, never a source's exception text. */
export function failure(status: number, message: string, headers?: Record<string, string>): Answer {
  return json(status, { error: { message } }, headers);
}

export function empty(status: number, headers: Record<string, string> = {}): Answer {
  return { status, headers: Object.assign(baseHeaders(), headers), body: null };
}

export function stream(body: ReadableStream<Uint8Array>, headers: Record<string, string>): Answer {
  return { status: 200, headers: Object.assign(baseHeaders(), headers), body };
}

/** Reads a Fetch body as text, at most `limit` bytes (counted as they arrive, not trusted from headers). */
export async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(`body over ${limit} bytes`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** A 400 (or `status`) whose message is safe to send: it names the field, never internals. */
export class BadRequest extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** The body as JSON: 413 over 1 MiB (declared or counted), 400 when it is not JSON. */
export async function readJson(call: Call): Promise<unknown> {
  const declared = Number(call.header('content-length'));
  if (declared > MAX_BODY_BYTES) throw new BadRequest('The request body is over 1 MiB.', 413);
  let text: string;
  try {
    text = await call.text(MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new BadRequest('The request body is over 1 MiB.', 413);
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest('The request body is not valid JSON.');
  }
}

/** A Fetch `Request` as a `Call`. */
export function callFromRequest(request: Request): Call {
  let read = false;
  return {
    method: request.method.toUpperCase(),
    url: new URL(request.url),
    header: (name) => request.headers.get(name),
    text: (limit) => {
      if (read) return Promise.resolve('');
      read = true;
      return readLimited(request.body, limit);
    },
    signal: request.signal,
    onClose(listener) {
      if (request.signal.aborted) {
        listener();
        return () => undefined;
      }
      request.signal.addEventListener('abort', listener, { once: true });
      return () => request.signal.removeEventListener('abort', listener);
    },
    request: () => request,
  };
}

/** An `Answer` as a Fetch `Response`. */
export function toResponse(answer: Answer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
