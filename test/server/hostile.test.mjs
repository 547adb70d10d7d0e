// Hostile requests: malformed and huge bodies, oversized batches, wrong types, header injection,
// raw protocol abuse. The server answers each with a clear status and stays up.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { countingSource, getJson, post, serve } from './helpers.mjs';

/** Sends raw bytes on a socket and resolves with everything the server wrote back. */
function raw(origin, text) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(text));
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (received += chunk));
    socket.on('end', () => resolve(received));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

describe('hostile input', () => {
  let api;
  let source;
  before(async () => {
    source = countingSource({ async resync() {} });
    api = await serve({ source, basePath: '/api', corsOrigins: ['https://crm.example.com'] });
  });
  after(() => api.close());

  test('malformed JSON and wrong shapes are 400s, and the source is never called', async () => {
    const before = source.calls.length;
    const bodies = [
      '{',
      '',
      'null',
      '[]',
      '"records"',
      '{"records":{}}',
      '{"records":"company:42"}',
      '{"records":[null]}',
      '{"records":[42]}',
      '{"records":[{"objectType":"company"}]}',
      '{"records":[{"objectType":1,"objectId":2}]}',
      '{"records":[{"objectType":"company","objectId":["42"]}]}',
      '{"records":[{"objectType":"company","objectId":"42","portalId":7}]}',
      '{"records":[{"objectType":"company","objectId":"42"},{"objectType":"","objectId":"1"}]}',
      '\u0000\u0001binary',
      '{"records":[{"__proto__":{"objectType":"company","objectId":"42"}}]}',
    ];
    for (const body of bodies) {
      const { status, body: answer } = await post(`${api.base}/batch`, body);
      assert.equal(status, 400, body);
      assert.equal(typeof answer.error.message, 'string');
    }
    assert.equal(source.calls.length, before);
  });

  test('a batch over maxBatch (10,000 records) is a 413', async () => {
    const records = Array.from({ length: 10_000 }, (_, index) => ({ objectType: 'company', objectId: String(index) }));
    const before = source.calls.length;
    const { status, body } = await post(`${api.base}/batch`, { records });
    assert.equal(status, 413);
    assert.match(body.error.message, /100/);
    assert.equal(source.calls.length, before);
    // Exactly maxBatch is fine.
    assert.equal((await post(`${api.base}/batch`, { records: records.slice(0, 100) })).status, 200);
  });

  test('a body over 1 MiB is a 413, whether it says so up front or streams in chunks', async () => {
    const huge = JSON.stringify({ records: [{ objectType: 'company', objectId: 'x'.repeat(1024 * 1024) }] });
    assert.equal((await post(`${api.base}/batch`, huge)).status, 413);
    // Chunked: no Content-Length to trust; the limit counts bytes as they arrive.
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(64 * 1024)));
        controller.close();
      },
    });
    const response = await fetch(`${api.base}/batch`, { method: 'POST', body: chunks, duplex: 'half' }).catch((error) => error);
    // The server may close the connection while the client is still sending: either is a refusal.
    if (response instanceof Response) assert.equal(response.status, 413);
    // A lying Content-Length is refused before anything is read.
    const lie = await raw(api.origin, `POST /api/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\n\r\n{}`);
    assert.match(lie, /^HTTP\/1\.1 413/);
    // And the server is still up.
    assert.equal((await getJson(`${api.base}?objectType=company&objectId=42`)).status, 200);
  });

  test('a resync with wrong types is a 400', async () => {
    for (const body of ['{"record":"company:42","syncId":"a"}', '{"record":{"objectType":"company","objectId":"42"},"syncId":null}', '{"record":{"objectType":"company","objectId":"42"},"syncId":""}', '{']) {
      assert.equal((await post(`${api.base}/resync`, body)).status, 400, body);
    }
  });

  test('header injection through query values, the Origin or the Host goes nowhere', async () => {
    const injected = encodeURIComponent('42\r\nSet-Cookie: pwned=1\r\n\r\n<script>');
    const { status, headers, text } = await getJson(`${api.base}?objectType=company&objectId=${injected}`);
    assert.equal(status, 200);
    assert.equal(headers.get('set-cookie'), null);
    // The value travels inside JSON only, escaped.
    assert.ok(text.includes('\\r\\nSet-Cookie'));
    // An unlisted or malformed Origin is never reflected.
    for (const origin of ['https://evil.example', 'https://crm.example.com.evil.example', 'null', 'https://CRM.example.com']) {
      const answer = await getJson(`${api.base}?objectType=company&objectId=42`, { headers: { Origin: origin } });
      assert.equal(answer.headers.get('access-control-allow-origin'), null, origin);
    }
    // CR/LF inside a header is refused by the HTTP parser itself; a hostile Host is not echoed.
    const split = await raw(api.origin, 'GET /api?objectType=company&objectId=42 HTTP/1.1\r\nHost: x\r\nOrigin: https://crm.example.com\rSet-Cookie: a=1\r\n\r\n');
    assert.match(split, /^HTTP\/1\.1 400/);
    const host = await raw(api.origin, 'GET /api?objectType=company&objectId=42 HTTP/1.1\r\nHost: evil"><script>\r\nConnection: close\r\n\r\n');
    assert.match(host, /^HTTP\/1\.1 200/);
    assert.ok(!host.includes('<script>'));
  });

  test('absurd methods, paths and query strings', async () => {
    assert.equal((await getJson(`${api.base}?objectType=company&objectId=42`, { method: 'PATCH' })).status, 405);
    assert.equal((await getJson(`${api.base}/%2e%2e/%2e%2e/etc/passwd`)).status, 404);
    assert.equal((await getJson(`${api.base}?objectType=company&objectId=42&objectId=43`)).status, 200);
    assert.equal((await getJson(`${api.base}?objectType=${'a'.repeat(5000)}&objectId=1`)).status, 400);
    const junk = await raw(api.origin, 'BREW /api HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.match(junk, /^HTTP\/1\.1 (400|405)/);
  });
});
