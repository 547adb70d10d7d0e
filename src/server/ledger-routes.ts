// The connector routes of §14 under the handler's base: register an integration, post outcomes,
// claim resync requests. Each needs the ingest key of the integration it writes (./ingest-keys.ts);
// an embed or health token is no ingest key, so it never writes.
import { isObject } from '../data/repair.ts';
import { BadRequest, failure, json, readJson, type Answer, type Call } from './http.ts';
import type { IngestKeys } from './ingest-keys.ts';
import { LedgerError, type SyncLedger } from './ledger/ledger.ts';

/** Most events in one `POST …/ledger/events` (§14); more is a 413. */
export const MAX_EVENTS = 500;

export interface LedgerRoute {
  method: string;
  allow: string;
  run(call: Call): Promise<Answer>;
}

const INTEGRATION_PATH = /^\/ledger\/integrations\/([^/]+)$/;

const unauthorized = () => failure(401, 'A valid ingest key is required.', { 'WWW-Authenticate': 'Bearer' });
const otherIntegration = () => failure(403, 'This ingest key writes another integration.');

/** Finds the connector route of a path under the base (`/ledger/…`), or undefined. */
export function createLedgerRoutes(ledger: SyncLedger, keys: IngestKeys): (path: string) => LedgerRoute | undefined {
  /** The integration of the request's key, or the answer refusing it. */
  async function writer(call: Call): Promise<string | Answer> {
    return (await keys.integrationOf(call)) ?? unauthorized();
  }

  function ledgerFailure(error: unknown): Answer {
    if (error instanceof LedgerError) return failure(error.status, error.message);
    throw error;
  }

  async function register(call: Call, encodedId: string): Promise<Answer> {
    const integrationId = await writer(call);
    if (typeof integrationId !== 'string') return integrationId;
    let pathId: string;
    try {
      pathId = decodeURIComponent(encodedId);
    } catch {
      throw new BadRequest('The integration id in the path is not valid percent-encoding.');
    }
    if (pathId !== integrationId) return otherIntegration();
    const body = await readJson(call);
    try {
      await ledger.registerIntegration(integrationId, body);
    } catch (error) {
      return ledgerFailure(error);
    }
    return json(200, { integrationId });
  }

  async function events(call: Call): Promise<Answer> {
    const integrationId = await writer(call);
    if (typeof integrationId !== 'string') return integrationId;
    const body = await readJson(call);
    if (!isObject(body) || !Array.isArray(body.events)) throw new BadRequest('Expected {"events":[SyncOutcome…]}.');
    if (body.events.length > MAX_EVENTS) throw new BadRequest(`At most ${MAX_EVENTS} events per request.`, 413);
    return json(200, { results: await ledger.ingest(body.events, { integrationId }) });
  }

  async function claim(call: Call): Promise<Answer> {
    const integrationId = await writer(call);
    if (typeof integrationId !== 'string') return integrationId;
    const body = await readJson(call);
    if (!isObject(body) || typeof body.integrationId !== 'string') throw new BadRequest('Expected {"integrationId":string,"limit"?:number}.');
    if (body.integrationId !== integrationId) return otherIntegration();
    const limit = body.limit;
    if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_EVENTS)) {
      throw new BadRequest(`limit must be a whole number from 1 to ${MAX_EVENTS}.`);
    }
    return json(200, { requests: await ledger.claimResyncRequests(integrationId, { limit }) });
  }

  const post = (run: (call: Call) => Promise<Answer>): LedgerRoute => ({ method: 'POST', allow: 'POST, OPTIONS', run });
  const fixed = new Map([
    ['/ledger/events', post(events)],
    ['/ledger/resync-requests/claim', post(claim)],
  ]);

  return (path) => {
    const route = fixed.get(path);
    if (route) return route;
    const match = INTEGRATION_PATH.exec(path);
    if (!match) return undefined;
    const encodedId = match[1];
    return { method: 'PUT', allow: 'PUT, OPTIONS', run: (call) => register(call, encodedId) };
  };
}
