// Embed tokens (HS256 JWTs), the function form of auth, and HubSpot v3 request signatures.
// Tokens and signatures are also made by hand with node:crypto, as another language would.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { countingSource, createEmbedToken, getJson, openStream, post, SECRET, serve, verifyEmbedToken, verifyHubSpotSignature } from './helpers.mjs';

const company42 = { objectType: 'company', objectId: '42' };
const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
/** A JWT signed by hand (what a Python or Java backend would mint). */
function handMade(payload, { secret = SECRET, header = { alg: 'HS256', typ: 'JWT' } } = {}) {
  const unsigned = `${b64url(header)}.${b64url(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('embed tokens', () => {
  test('round trip: the claims of §9, sub optional', async () => {
    const token = await createEmbedToken({ record: { ...company42, portalId: '99' }, secret: SECRET, subject: 'user-7' });
    assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url'));
    assert.equal(header.alg, 'HS256');
    const claims = await verifyEmbedToken(token, SECRET);
    assert.deepEqual(claims.rec, { ...company42, portalId: '99' });
    assert.equal(claims.sub, 'user-7');
    assert.equal(claims.exp - claims.iat, 900);
  });

  test('interoperable: a token minted by hand verifies, and ours verifies by hand', async () => {
    const claims = await verifyEmbedToken(handMade({ rec: company42, iat: nowSeconds(), exp: nowSeconds() + 60 }), SECRET);
    assert.deepEqual(claims.rec, company42);
    const ours = await createEmbedToken({ record: company42, secret: SECRET, ttlSeconds: 60 });
    const [head, body, signature] = ours.split('.');
    assert.equal(createHmac('sha256', SECRET).update(`${head}.${body}`).digest('base64url'), signature);
  });

  test('rejects garbage, wrong secret, alg none or another alg, expired (30 s leeway), no exp, no rec', async () => {
    const exp = nowSeconds() + 60;
    const rejected = {
      garbage: 'not.a.token',
      empty: '',
      huge: 'a'.repeat(10_000),
      'wrong secret': handMade({ rec: company42, exp }, { secret: 'another-secret-that-is-32-bytes-or-more' }),
      'alg none': `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ rec: company42, exp })}.`,
      'alg HS512': handMade({ rec: company42, exp }, { header: { alg: 'HS512' } }),
      expired: handMade({ rec: company42, exp: nowSeconds() - 31 }),
      'no exp': handMade({ rec: company42 }),
      'no rec': handMade({ exp }),
      'bad rec': handMade({ rec: { objectType: 'company' }, exp }),
      tampered: (() => {
        const [head, , signature] = handMade({ rec: company42, exp }).split('.');
        return `${head}.${b64url({ rec: { objectType: 'company', objectId: '43' }, exp })}.${signature}`;
      })(),
    };
    for (const [name, token] of Object.entries(rejected)) {
      await assert.rejects(verifyEmbedToken(token, SECRET), Error, name);
    }
    // Within the leeway, and `now` moves the clock.
    await verifyEmbedToken(handMade({ rec: company42, exp: nowSeconds() - 20 }), SECRET);
    await assert.rejects(verifyEmbedToken(handMade({ rec: company42, exp }), SECRET, { now: (exp + 31) * 1000 }), /expired/);
    // The rejection never repeats the token.
    await assert.rejects(verifyEmbedToken(rejected.expired, SECRET), (error) => !error.message.includes(rejected.expired.slice(0, 20)));
  });

  test('refuses to mint with a short secret or without a record', async () => {
    await assert.rejects(createEmbedToken({ record: company42, secret: 'short' }), TypeError);
    await assert.rejects(createEmbedToken({ record: { objectType: 'company' }, secret: SECRET }), TypeError);
  });
});

describe('auth: { tokenSecret } on every route', () => {
  let api;
  let source;
  let tokenFor;
  before(async () => {
    source = countingSource({ async resync() {}, async getSyncHistory() { return []; }, subscribe: () => () => undefined });
    api = await serve({ source, basePath: '/api', auth: { tokenSecret: SECRET }, corsOrigins: ['https://crm.example.com'] });
    tokenFor = (record, options) => createEmbedToken({ record, secret: SECRET, ...options });
  });
  after(() => api.close());
  const bearer = (token) => ({ Authorization: `Bearer ${token}` });

  test('no token, garbage, expired, wrong secret or alg none: 401, and the source is never asked', async () => {
    const before = source.calls.length;
    const exp = nowSeconds() + 60;
    const headersList = [
      {},
      { Authorization: 'Bearer' },
      { Authorization: 'Bearer garbage' },
      { Authorization: 'Basic dXNlcjpwYXNz' },
      bearer(handMade({ rec: company42, exp: nowSeconds() - 120 })),
      bearer(handMade({ rec: company42, exp }, { secret: 'another-secret-that-is-32-bytes-or-more' })),
      bearer(`${b64url({ alg: 'none' })}.${b64url({ rec: company42, exp })}.`),
    ];
    for (const headers of headersList) {
      const answer = await getJson(`${api.base}?objectType=company&objectId=42`, { headers });
      assert.equal(answer.status, 401, JSON.stringify(headers));
      assert.equal(answer.headers.get('www-authenticate'), 'Bearer');
      assert.equal(typeof answer.body.error.message, 'string');
      assert.equal((await post(`${api.base}/batch`, { records: [company42] }, headers)).status, 401);
      assert.equal((await post(`${api.base}/resync`, { record: company42, syncId: 'a' }, headers)).status, 401);
      assert.equal((await getJson(`${api.base}/history?objectType=company&objectId=42&syncId=a`, { headers })).status, 401);
      assert.equal((await getJson(`${api.base}/events?objectType=company&objectId=42`, { headers })).status, 401);
    }
    assert.equal(source.calls.length, before);
  });

  test("the record's own token opens every route; objectType compares case-insensitively", async () => {
    const headers = bearer(await tokenFor({ objectType: 'COMPANY', objectId: '42' }));
    assert.equal((await getJson(`${api.base}?objectType=company&objectId=42`, { headers })).status, 200);
    assert.equal((await post(`${api.base}/batch`, { records: [company42, company42] }, headers)).status, 200);
    assert.equal((await post(`${api.base}/resync`, { record: company42, syncId: 'a' }, headers)).status, 202);
    assert.equal((await getJson(`${api.base}/history?objectType=company&objectId=42&syncId=a`, { headers })).status, 200);
    const stream = await openStream(`${api.base}/events?objectType=company&objectId=42`, headers);
    assert.equal(stream.response.status, 200);
    await stream.close();
  });

  test("another record's token: 403 everywhere, and a batch with one foreign record is a 403", async () => {
    const before = source.calls.length;
    const headers = bearer(await tokenFor({ objectType: 'company', objectId: '43' }));
    const answer = await getJson(`${api.base}?objectType=company&objectId=42`, { headers });
    assert.equal(answer.status, 403);
    assert.ok(!answer.text.includes('Record'), 'nothing of the record in the answer');
    assert.equal((await post(`${api.base}/batch`, { records: [{ objectType: 'company', objectId: '43' }, company42] }, headers)).status, 403);
    assert.equal((await post(`${api.base}/resync`, { record: company42, syncId: 'a' }, headers)).status, 403);
    assert.equal((await getJson(`${api.base}/history?objectType=company&objectId=42&syncId=a`, { headers })).status, 403);
    assert.equal((await getJson(`${api.base}/events?objectType=company&objectId=42`, { headers })).status, 403);
    assert.equal((await getJson(`${api.base}?objectType=contact&objectId=43`, { headers })).status, 403, 'same id, other type');
    assert.equal(source.calls.length, before);
  });

  test("a token naming a portalId opens only that portal's record", async () => {
    const headers = bearer(await tokenFor({ ...company42, portalId: '7' }));
    assert.equal((await getJson(`${api.base}?objectType=company&objectId=42&portalId=7`, { headers })).status, 200);
    assert.equal((await getJson(`${api.base}?objectType=company&objectId=42&portalId=8`, { headers })).status, 403);
    assert.equal((await getJson(`${api.base}?objectType=company&objectId=42`, { headers })).status, 403);
  });

  test('the event stream takes the token as a query parameter; other routes do not', async () => {
    const token = await tokenFor(company42);
    const stream = await openStream(`${api.base}/events?objectType=company&objectId=42&token=${token}`);
    assert.equal(stream.response.status, 200);
    await stream.close();
    assert.equal((await getJson(`${api.base}?objectType=company&objectId=42&token=${token}`)).status, 401);
  });

  test('a preflight needs no token; a 401 or 403 to an allowed origin still carries Allow-Origin', async () => {
    const preflight = await fetch(`${api.base}/batch`, { method: 'OPTIONS', headers: { Origin: 'https://crm.example.com', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://crm.example.com');
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'Authorization, Content-Type');
    assert.match(preflight.headers.get('access-control-allow-methods'), /POST/);
    const denied = await getJson(`${api.base}?objectType=company&objectId=42`, { headers: { Origin: 'https://crm.example.com' } });
    assert.equal(denied.status, 401);
    assert.equal(denied.headers.get('access-control-allow-origin'), 'https://crm.example.com');
    assert.equal(denied.headers.get('vary'), 'Origin');
    const forbidden = await getJson(`${api.base}?objectType=company&objectId=42`, { headers: { Origin: 'https://crm.example.com', ...bearer(await tokenFor({ objectType: 'company', objectId: '1' })) } });
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.headers.get('access-control-allow-origin'), 'https://crm.example.com');
  });
});

describe('auth as a function', () => {
  test('decides per request and record: false is a 403, for a batch when any record is denied', async () => {
    const asked = [];
    const auth = async (request, record) => {
      asked.push({ user: request.headers.get('x-user'), record, url: request.url });
      return request.headers.get('x-user') === 'alice' && record.objectId !== 'secret';
    };
    const api = await serve({ source: countingSource(), basePath: '/api', auth });
    try {
      const alice = { 'X-User': 'alice' };
      assert.equal((await getJson(`${api.base}?objectType=company&objectId=42`, { headers: alice })).status, 200);
      assert.equal(asked.at(-1).user, 'alice');
      assert.deepEqual(asked.at(-1).record, company42);
      assert.match(asked.at(-1).url, /\/api\?objectType=company&objectId=42$/);
      assert.equal((await getJson(`${api.base}?objectType=company&objectId=42`, { headers: { 'X-User': 'bob' } })).status, 403);
      assert.equal((await post(`${api.base}/batch`, { records: [company42, { objectType: 'company', objectId: 'secret' }] }, alice)).status, 403);
      assert.equal((await post(`${api.base}/batch`, { records: [company42] }, alice)).status, 200);
    } finally {
      await api.close();
    }
  });

  test('an auth function that throws is a generic 500, never a 200', async () => {
    const api = await serve({ source: countingSource(), auth: () => { throw new Error('db down: password=hunter2'); } });
    try {
      const answer = await getJson(`${api.base}/?objectType=company&objectId=42`);
      assert.equal(answer.status, 500);
      assert.ok(!answer.text.includes('hunter2'));
    } finally {
      await api.close();
    }
  });
});

describe('verifyHubSpotSignature (v3)', () => {
  const clientSecret = 'hubspot-client-secret';
  /** Signs the way HubSpot documents it: base64 HMAC-SHA256 of method + URI + body + timestamp. */
  function sign({ method, uri, body = '', timestamp }) {
    return createHmac('sha256', clientSecret).update(`${method}${uri}${body}${timestamp}`, 'utf8').digest('base64');
  }
  function signed({ url, method = 'POST', body = '', timestamp = Date.now(), uri = url, signature }) {
    return new Request(url, {
      method,
      body: method === 'GET' ? undefined : body,
      headers: {
        'Content-Type': 'application/json',
        'X-HubSpot-Signature-v3': signature ?? sign({ method, uri, body, timestamp }),
        'X-HubSpot-Request-Timestamp': String(timestamp),
      },
    });
  }

  test('accepts a fresh, correct signature and leaves the body readable', async () => {
    const body = JSON.stringify({ objectId: 42, objectType: 'COMPANY', note: 'é ünïcode' });
    const request = signed({ url: 'https://app.example.com/hubspot/card?portalId=99', body });
    assert.equal(await verifyHubSpotSignature(request, { clientSecret }), true);
    assert.equal(await request.text(), body);
    const get = signed({ url: 'https://app.example.com/hubspot/card?objectId=42', method: 'GET' });
    assert.equal(await verifyHubSpotSignature(get, { clientSecret }), true);
  });

  test('signs the URI with the listed escapes decoded (and accepts the raw form too)', async () => {
    const url = 'https://app.example.com/hubspot/card?email=jane%40example.com&next=%2Fa%3Ab%2C%28x%29%21%24%27%2A%3B&space=a%20b';
    const decoded = "https://app.example.com/hubspot/card?email=jane@example.com&next=/a:b,(x)!$'*;&space=a%20b";
    assert.equal(await verifyHubSpotSignature(signed({ url, method: 'GET', uri: decoded }), { clientSecret }), true);
    assert.equal(await verifyHubSpotSignature(signed({ url, method: 'GET', uri: url }), { clientSecret }), true);
    // %20 is not in the list: a signature over a fully decoded URI does not match.
    assert.equal(await verifyHubSpotSignature(signed({ url, method: 'GET', uri: decodeURIComponent(url) }), { clientSecret }), false);
  });

  test('the public URL can be given when the server sees an internal one', async () => {
    const request = signed({ url: 'http://10.0.0.5:8080/hubspot/card', uri: 'https://app.example.com/hubspot/card' });
    assert.equal(await verifyHubSpotSignature(request, { clientSecret }), false);
    const again = signed({ url: 'http://10.0.0.5:8080/hubspot/card', uri: 'https://app.example.com/hubspot/card' });
    assert.equal(await verifyHubSpotSignature(again, { clientSecret, url: 'https://app.example.com/hubspot/card' }), true);
  });

  test('rejects old or future timestamps, another secret, a changed body, method or URL, and junk headers', async () => {
    const url = 'https://app.example.com/hubspot/card';
    const now = Date.now();
    const cases = {
      'six minutes old': signed({ url, timestamp: now - 360_000 }),
      'from the future': signed({ url, timestamp: now + 360_000 }),
      'other secret': signed({ url, signature: createHmac('sha256', 'other').update(`POST${url}${now}`).digest('base64'), timestamp: now }),
      'changed body': signed({ url, body: '{"objectId":43}', signature: sign({ method: 'POST', uri: url, body: '{"objectId":42}', timestamp: now }), timestamp: now }),
      'changed method': signed({ url, method: 'PUT', signature: sign({ method: 'POST', uri: url, timestamp: now }), timestamp: now }),
      'changed URL': signed({ url: `${url}?objectId=43`, signature: sign({ method: 'POST', uri: `${url}?objectId=42`, timestamp: now }), timestamp: now }),
      'junk signature': signed({ url, signature: '!!!' }),
      'junk timestamp': new Request(url, { method: 'POST', headers: { 'X-HubSpot-Signature-v3': sign({ method: 'POST', uri: url, timestamp: 'abc' }), 'X-HubSpot-Request-Timestamp': 'abc' } }),
      'no headers': new Request(url, { method: 'POST' }),
    };
    for (const [name, request] of Object.entries(cases)) {
      assert.equal(await verifyHubSpotSignature(request, { clientSecret }), false, name);
    }
    // maxAgeMs and now are honoured.
    assert.equal(await verifyHubSpotSignature(signed({ url, timestamp: now - 60_000 }), { clientSecret, maxAgeMs: 30_000 }), false);
    assert.equal(await verifyHubSpotSignature(signed({ url, timestamp: now - 360_000 }), { clientSecret, now: now - 300_000 }), true);
  });
});
