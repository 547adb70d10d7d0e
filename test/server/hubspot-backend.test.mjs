// The HubSpot path, server side: examples/server with the app card's backend route
// (examples/hubspot-app-card/backend/card-route.mjs), driven by requests signed the way HubSpot
// signs hubspot.fetch calls (v3: base64 HMAC-SHA256 of method + URI + body + timestamp).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { reportExampleOutcomes, startExampleServer } from './example-server.mjs';
import { getJson, SECRET, verifyEmbedToken, verifyHealthToken } from './helpers.mjs';
const CLIENT_SECRET = 'hubspot-app-client-secret-for-tests';

function signedPost(url, body, { secret = CLIENT_SECRET, timestamp = Date.now() } = {}) {
  const text = JSON.stringify(body);
  const signature = createHmac('sha256', secret).update(`POST${url}${text}${timestamp}`).digest('base64');
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-HubSpot-Signature-v3': signature, 'X-HubSpot-Request-Timestamp': String(timestamp) }, body: text });
}

describe('examples/server as the HubSpot app card backend', () => {
  let origin;
  let example;
  before(async () => {
    example = await startExampleServer({ EMBED_TOKEN_SECRET: SECRET, HUBSPOT_CLIENT_SECRET: CLIENT_SECRET });
    origin = example.origin;
    // HubSpot portal 99's NetSuite connector has reported its outcomes (the ledger keys them by portal).
    await reportExampleOutcomes(example.base, { portalId: '99' });
  });
  after(() => example.stop());

  test('a signed call answers the summary and an iframe URL with a fresh token for that record only', async () => {
    const url = `${origin}/hubspot/card?portalId=99&userId=7&userEmail=jane%40example.com`;
    const response = await signedPost(url, { objectTypeId: '0-2', objectId: 43 });
    assert.equal(response.status, 200);
    const { summary, iframeUrl } = await response.json();
    assert.deepEqual(summary, [{ id: 'netsuite:customer', label: 'NetSuite customer', status: 'record_not_synced' }]);
    const page = new URL(iframeUrl);
    assert.equal(`${page.origin}${page.pathname}`, `${origin}/embed.html`);
    assert.deepEqual(Object.fromEntries(page.searchParams), { objectType: 'company', objectId: '43', portalId: '99', modal: '1' });
    assert.ok(!page.search.includes('token'), 'the token is never in the query string');
    const token = new URLSearchParams(page.hash.slice(1)).get('token');
    const claims = await verifyEmbedToken(token, SECRET);
    assert.deepEqual(claims.rec, { objectType: 'company', objectId: '43', portalId: '99' });
    assert.equal(claims.sub, '7');
    assert.ok(claims.exp - claims.iat <= 900);

    // The token opens that record on the API, and nothing else.
    const headers = { Authorization: `Bearer ${token}` };
    const own = await getJson(`${origin}/api/sync-status?objectType=company&objectId=43&portalId=99`, { headers });
    assert.equal(own.status, 200);
    assert.equal(own.body.syncs[0].syncedWith.name, 'Globex Corporation (CUS-2001)');
    assert.equal((await getJson(`${origin}/api/sync-status?objectType=company&objectId=42&portalId=99`, { headers })).status, 403);
    assert.equal((await getJson(`${origin}/api/sync-status?objectType=company&objectId=43&portalId=99`)).status, 401);
  });

  test("a signed call answers the portal's health page too, with a health token of that portal only", async () => {
    const response = await signedPost(`${origin}/hubspot/card?portalId=99&userId=7`, { objectTypeId: '0-2', objectId: 43 });
    const { iframeUrl, healthUrl } = await response.json();
    const page = new URL(healthUrl);
    assert.equal(`${page.origin}${page.pathname}`, `${origin}/health.html`);
    assert.deepEqual(Object.fromEntries(page.searchParams), { portalId: '99', modal: '1' });
    const token = new URLSearchParams(page.hash.slice(1)).get('token');
    const claims = await verifyHealthToken(token, SECRET);
    assert.equal(claims.portalId, '99');
    assert.equal(claims.sub, '7');

    // It reads the portal's health routes, and no other portal's; the card's token does not.
    const headers = { Authorization: `Bearer ${token}` };
    const summary = await getJson(`${origin}/api/sync-status/health/summary?portalId=99`, { headers });
    assert.equal(summary.status, 200, summary.text);
    assert.deepEqual(summary.body.counts.filter((entry) => entry.status === 'record_not_synced').map((entry) => entry.count), [1]);
    assert.equal((await getJson(`${origin}/api/sync-status/health/summary?portalId=100`, { headers })).status, 403);
    const cardToken = new URLSearchParams(new URL(iframeUrl).hash.slice(1)).get('token');
    assert.equal((await getJson(`${origin}/api/sync-status/health/summary?portalId=99`, { headers: { Authorization: `Bearer ${cardToken}` } })).status, 401);

    // The page itself, served with the iframe page's headers.
    const html = await fetch(`${origin}/health.html`);
    assert.equal(html.status, 200);
    assert.match(await html.text(), /<integration-sync-health|health-[\w-]+\.js/);
    assert.match(html.headers.get('content-security-policy'), /frame-ancestors https:\/\/app\.hubspot\.com/);
  });

  test('unsigned, forged, replayed or tampered calls are refused before anything is read or minted', async () => {
    const url = `${origin}/hubspot/card?portalId=99`;
    const unsigned = await fetch(url, { method: 'POST', body: '{"objectTypeId":"0-2","objectId":43}' });
    assert.equal(unsigned.status, 401);
    assert.equal((await signedPost(url, { objectTypeId: '0-2', objectId: 43 }, { secret: 'not-the-secret' })).status, 401);
    assert.equal((await signedPost(url, { objectTypeId: '0-2', objectId: 43 }, { timestamp: Date.now() - 6 * 60_000 })).status, 401);
    // Signed for portal 99, sent for portal 100.
    const timestamp = Date.now();
    const signature = createHmac('sha256', CLIENT_SECRET).update(`POST${url}{"objectTypeId":"0-2","objectId":43}${timestamp}`).digest('base64');
    const moved = await fetch(url.replace('portalId=99', 'portalId=100'), {
      method: 'POST',
      headers: { 'X-HubSpot-Signature-v3': signature, 'X-HubSpot-Request-Timestamp': String(timestamp) },
      body: '{"objectTypeId":"0-2","objectId":43}',
    });
    assert.equal(moved.status, 401);
    const text = await moved.text();
    assert.ok(!text.includes('token'));
    assert.equal((await signedPost(url, { objectTypeId: '0-2' })).status, 400);
  });

  test('serves the iframe page with the headers it ships with: frame-ancestors for HubSpot, no referrer, no X-Frame-Options', async () => {
    const response = await fetch(`${origin}/embed.html`);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy');
    assert.match(csp, /frame-ancestors https:\/\/app\.hubspot\.com https:\/\/app-eu1\.hubspot\.com/);
    assert.match(csp, /default-src 'none'/);
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('x-frame-options'), null);
    const html = await response.text();
    const script = /src="\.\/(embed-assets\/[^"]+\.js)"/.exec(html)[1];
    assert.equal((await fetch(`${origin}/${script}`)).status, 200);
    assert.equal((await fetch(`${origin}/embed-assets/../../package.json`)).status, 404);
  });
});
