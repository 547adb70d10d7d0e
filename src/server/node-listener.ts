// toNodeListener: serves a createSyncStatusHandler handler (or any Fetch handler) on node:http.
// For our own handler it feeds the runtime-neutral core directly: node:http's request and
// response objects are read and written as they are, with no Fetch Request/Response per call
// (those cost more than the routes themselves on a busy server).
import { CORE, type CoreHandler, type SyncStatusHandler } from './handler.ts';
import { BodyTooLargeError, failure, MAX_BODY_BYTES, type Answer, type Call } from './http.ts';

/** What toNodeListener reads of node:http's IncomingMessage (typed here so no @types/node is needed). */
export interface NodeRequest {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  /** A TLS socket has `encrypted: true`. */
  socket?: object | null;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  pause(): unknown;
}

/** What toNodeListener writes of node:http's ServerResponse. */
export interface NodeResponse {
  writeHead(status: number, headers: Record<string, string>): unknown;
  write(chunk: Uint8Array | string): boolean;
  end(chunk?: string | Uint8Array): unknown;
  flushHeaders?(): void;
  once(event: 'close' | 'drain', listener: () => void): unknown;
  readonly writableFinished?: boolean;
  readonly destroyed?: boolean;
}

export interface NodeListenerOptions {
  /**
   * The public origin requests arrive on (`https://api.example.com`), when node:http sits behind
   * a proxy that terminates TLS. Default: `http(s)://` + the Host header.
   */
  origin?: string;
}

const encoder = new TextEncoder();
// One decoder for all bodies (each decode is whole, never streamed, so none carries state over).
const decoder = new TextDecoder();
// Node's Buffer counts UTF-8 bytes without encoding the string a second time.
const nodeBuffer = (globalThis as { Buffer?: { byteLength(text: string): number } }).Buffer;
const byteLength = (text: string): number => (nodeBuffer ? nodeBuffer.byteLength(text) : encoder.encode(text).byteLength);
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function originOf(req: NodeRequest, configured: string | undefined): string {
  if (configured) return configured.replace(/\/+$/, '');
  const host = typeof req.headers.host === 'string' && HOST.test(req.headers.host) ? req.headers.host : 'localhost';
  const encrypted = (req.socket as { encrypted?: boolean } | null | undefined)?.encrypted === true;
  return `${encrypted ? 'https' : 'http'}://${host}`;
}

function headerOf(req: NodeRequest, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

function readBody(req: NodeRequest, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk) => {
      if (over) return;
      size += chunk.byteLength;
      if (size > limit) {
        over = true;
        req.pause();
        reject(new BodyTooLargeError(`body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (over) return;
      if (chunks.length === 1) return resolve(chunks[0]);
      const all = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        all.set(chunk, offset);
        offset += chunk.byteLength;
      }
      resolve(all);
    });
    req.on('error', reject);
  });
}

/** Calls whose client may still go away, per connection (see `watchGone`). */
const LIVE = Symbol('integration-sync-card/server#live');
type Watched = { [LIVE]?: Set<NodeCall> } & { once?(event: 'close', listener: () => void): unknown };

/**
 * A node:http request as a `Call`. One object per request, its methods on the prototype.
 * NOTE: allocation per request is what a busy server pays most for (closures, an AbortSignal,
 * a 'close' listener per response all showed in profiles): the signal is built only when read
 * (a source that uses it, an auth function), and the client going away is watched once per
 * connection (`watchGone`), not once per request.
 */
class NodeCall implements Call {
  readonly method: string;
  readonly url: URL;
  #req: NodeRequest;
  #res: NodeResponse;
  #controller: AbortController | undefined;
  #gone = false;
  #listeners: (() => void)[] | undefined;
  #body: Promise<Uint8Array> | undefined;
  #bodyText: string | undefined;
  #request: Request | undefined;
  /** The connection's unanswered calls, while this one is among them. */
  watchers: Set<NodeCall> | undefined;

  constructor(req: NodeRequest, res: NodeResponse, origin: string | undefined) {
    this.#req = req;
    this.#res = res;
    this.method = (req.method ?? 'GET').toUpperCase();
    this.url = new URL(req.url ?? '/', originOf(req, origin));
  }

  header(name: string): string | null {
    return headerOf(this.#req, name);
  }

  async text(limit: number): Promise<string> {
    this.#body ??= readBody(this.#req, limit);
    this.#bodyText = decoder.decode(await this.#body);
    return this.#bodyText;
  }

  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#gone) this.#controller.abort(new Error('client disconnected'));
    }
    return this.#controller.signal;
  }

  onClose(listener: () => void): () => void {
    if (this.#gone) {
      listener();
      return () => undefined;
    }
    (this.#listeners ??= []).push(listener);
    return () => {
      const at = this.#listeners?.indexOf(listener) ?? -1;
      if (at >= 0) this.#listeners!.splice(at, 1);
    };
  }

  /** Its answer is complete: the connection closing later is no concern of this call. */
  answered(): void {
    this.watchers?.delete(this);
    this.watchers = undefined;
  }

  /** The client went away before the answer was complete. */
  leave(): void {
    if (this.#gone || this.#res.writableFinished) return;
    this.#gone = true;
    this.#controller?.abort(new Error('client disconnected'));
    const listeners = this.#listeners;
    this.#listeners = undefined;
    if (listeners) for (const listener of listeners) listener();
  }

  request(): Request {
    if (this.#request) return this.#request;
    const headers = new Headers();
    for (const [name, value] of Object.entries(this.#req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const hasBody = this.method !== 'GET' && this.method !== 'HEAD';
    this.#request = new Request(this.url, { method: this.method, headers, body: hasBody ? (this.#bodyText ?? '') : undefined, signal: this.signal });
    return this.#request;
  }
}

function leaveAll(calls: Set<NodeCall>): void {
  for (const call of calls) call.leave();
  calls.clear();
}

/**
 * Watches for the client going away while `call` is unanswered. On HTTP/1 that is the
 * connection closing: one 'close' listener per connection serves all its requests (keep-alive,
 * pipelining). Elsewhere (HTTP/2 compatibility API, stand-ins) the response's own 'close'.
 */
function watchGone(call: NodeCall, req: NodeRequest, res: NodeResponse): void {
  const socket = req.socket as Watched | null | undefined;
  if ((req as { httpVersionMajor?: number }).httpVersionMajor !== 1 || !socket || typeof socket.once !== 'function') {
    res.once('close', () => call.leave());
    return;
  }
  // A connection already gone (its 'close' has fired) sends no further 'close'.
  if ((socket as { destroyed?: boolean }).destroyed) {
    call.leave();
    return;
  }
  let live = socket[LIVE];
  if (!live) {
    const calls = new Set<NodeCall>();
    live = socket[LIVE] = calls;
    socket.once('close', () => leaveAll(calls));
  }
  live.add(call);
  call.watchers = live;
}

async function pump(body: ReadableStream<Uint8Array>, res: NodeResponse): Promise<void> {
  const reader = body.getReader();
  let gone = false;
  res.once('close', () => {
    gone = true;
    void reader.cancel().catch(() => undefined);
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || gone) break;
      if (!res.write(value)) await new Promise<void>((resolve) => {
        res.once('drain', resolve);
        res.once('close', resolve);
      });
    }
  } catch {
    // The stream failed or was cancelled: end what was sent.
  }
  if (!gone) res.end();
}

function send(answer: Answer, call: NodeCall, res: NodeResponse): void {
  if (res.destroyed) {
    call.answered();
    return;
  }
  // An unread rest of a refused body must not be taken for the next request on the connection.
  const headers = answer.headers;
  if (answer.status === 413) headers.Connection = 'close';
  if (answer.body === null || typeof answer.body === 'string') {
    if (answer.status !== 204) headers['Content-Length'] = String(answer.body === null ? 0 : byteLength(answer.body));
    res.writeHead(answer.status, headers);
    res.end(answer.body ?? undefined);
    call.answered();
    return;
  }
  res.writeHead(answer.status, headers);
  // Streams (Server-Sent Events) need their headers now, not with the first event.
  res.flushHeaders?.();
  void pump(answer.body, res).then(() => call.answered());
}

/** A `Response` as an `Answer` (for Fetch handlers other than ours). */
function answerOf(response: Response): Answer {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: response.status, headers, body: response.body };
}

/**
 * A node:http request listener for the handler: `http.createServer(toNodeListener(handler))`.
 * It never throws: a failure inside becomes a 500 with the generic error body.
 */
export function toNodeListener(
  handler: SyncStatusHandler | ((request: Request) => Promise<Response>),
  { origin }: NodeListenerOptions = {},
): (req: NodeRequest, res: NodeResponse) => void {
  const core = (handler as { [CORE]?: CoreHandler })[CORE];
  return (req, res) => {
    const call = new NodeCall(req, res, origin);
    watchGone(call, req, res);
    const answer = core
      ? core(call)
      : (call.method === 'GET' || call.method === 'HEAD' ? Promise.resolve('') : call.text(MAX_BODY_BYTES)).then(() => handler(call.request())).then(answerOf);
    answer.then(
      (result) => send(result, call, res),
      () => send(failure(500, 'Internal error.'), call, res),
    );
  };
}
