// The app card's backend route (runs on your server, not in HubSpot): `hubspot.fetch` calls it,
// signed with HubSpot's v3 signature. It checks the signature, reads the record's sync status for
// the card's summary, and mints a short-lived embed token for the iframe page the card opens in a
// modal. The token goes in the URL's fragment, which browsers never send to a server. With
// `healthPageUrl`, it also answers the portal's sync health page (dist/health.html) with a health
// token: the card's "Sync health" action opens it.
import { createEmbedToken, createHealthToken, normalizeResponse, verifyHubSpotSignature } from 'integration-sync-card/server';

/** HubSpot's object type ids and the card's object types. */
const OBJECT_TYPE_IDS = { '0-1': 'contact', '0-2': 'company', '0-3': 'deal', '0-53': 'invoice' };

const json = (status, body) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });

/**
 * @param {{
 *   clientSecret: string,            // the HubSpot app's client secret (verifies the signature)
 *   tokenSecret: string,             // shared with the sync API's createSyncStatusHandler({ auth: { tokenSecret } })
 *   source: import('integration-sync-card/server').SyncDataProvider,
 *   embedPageUrl: string,            // where dist/embed.html is served: https://sync.example.com/embed.html, or a path on this server
 *   healthPageUrl?: string,          // where dist/health.html is served (its API shares tokenSecret); without it, no healthUrl
 *   publicOrigin?: string,           // the origin HubSpot calls, when this server sees another (a proxy)
 *   ttlSeconds?: number,
 * }} options
 * @returns {(request: Request) => Promise<Response>}
 */
export function createHubSpotCardRoute({ clientSecret, tokenSecret, source, embedPageUrl, healthPageUrl, publicOrigin, ttlSeconds = 900 }) {
  return async (request) => {
    if (request.method !== 'POST') return json(405, { error: { message: 'Use POST.' } });
    const url = new URL(request.url);
    const signedUrl = publicOrigin ? `${publicOrigin}${url.pathname}${url.search}` : request.url;
    if (!(await verifyHubSpotSignature(request, { clientSecret, url: signedUrl }))) return json(401, { error: { message: 'Invalid HubSpot signature.' } });

    // hubspot.fetch adds portalId and userId to the query string; both are covered by the signature.
    const portalId = url.searchParams.get('portalId') ?? undefined;
    const userId = url.searchParams.get('userId') ?? undefined;
    let body;
    try {
      body = await request.json();
    } catch {
      return json(400, { error: { message: 'Expected a JSON body {"objectTypeId","objectId"}.' } });
    }
    const objectType = OBJECT_TYPE_IDS[body?.objectTypeId] ?? (typeof body?.objectTypeId === 'string' ? body.objectTypeId : '');
    const objectId = typeof body?.objectId === 'number' || typeof body?.objectId === 'string' ? String(body.objectId) : '';
    if (!objectType || !objectId || objectType.length > 256 || objectId.length > 256) return json(400, { error: { message: 'Expected {"objectTypeId","objectId"}.' } });
    const record = portalId ? { objectType, objectId, portalId } : { objectType, objectId };

    let summary;
    try {
      const { response } = normalizeResponse(await source.getSyncStatus(record, { signal: request.signal }));
      summary = response.syncs.map((sync) => ({ id: sync.id, label: sync.label ?? sync.id, status: sync.status }));
    } catch {
      return json(502, { error: { message: 'The sync status could not be read.' } });
    }

    const token = await createEmbedToken({ record, secret: tokenSecret, ttlSeconds, subject: userId });
    const page = new URL(embedPageUrl, publicOrigin ?? url.origin);
    for (const [name, value] of Object.entries({ ...record, modal: '1' })) page.searchParams.set(name, value);
    page.hash = `token=${token}`;
    // The portal's sync health page, where "Record not synced" leads: a health token of this portal only.
    let healthUrl;
    if (healthPageUrl && portalId) {
      const health = new URL(healthPageUrl, publicOrigin ?? url.origin);
      for (const [name, value] of Object.entries({ portalId, modal: '1' })) health.searchParams.set(name, value);
      health.hash = `token=${await createHealthToken({ portalId, secret: tokenSecret, ttlSeconds, subject: userId })}`;
      healthUrl = health.href;
    }
    return json(200, healthUrl ? { summary, iframeUrl: page.href, healthUrl } : { summary, iframeUrl: page.href });
  };
}
