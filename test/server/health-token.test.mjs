// Health tokens (contract §15): the HS256 JWT of the embed tokens with `scope: "health"` and a
// `portalId` instead of a record; minted by hand too, as another language's backend would.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { createEmbedToken, createHealthToken, SECRET, verifyEmbedToken, verifyHealthToken } from './helpers.mjs';

const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
function handMade(payload, { secret = SECRET, header = { alg: 'HS256', typ: 'JWT' } } = {}) {
  const unsigned = `${b64url(header)}.${b64url(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('health tokens', () => {
  test('round trip: scope health, portalId, exp - iat = ttl, sub optional', async () => {
    const token = await createHealthToken({ portalId: '123', secret: SECRET, subject: 'ops@example.com' });
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url'));
    assert.equal(payload.scope, 'health');
    assert.equal(payload.portalId, '123');
    assert.equal(payload.rec, undefined, 'no record claim');
    const claims = await verifyHealthToken(token, SECRET);
    assert.equal(claims.portalId, '123');
    assert.equal(claims.sub, 'ops@example.com');
    assert.equal(claims.exp - claims.iat, 900);
    const short = await verifyHealthToken(await createHealthToken({ portalId: '123', secret: SECRET, ttlSeconds: 60 }), SECRET);
    assert.equal(short.exp - short.iat, 60);
    assert.equal(short.sub, undefined);
  });

  test('portalId null: the records stored without a portal', async () => {
    const claims = await verifyHealthToken(await createHealthToken({ portalId: null, secret: SECRET }), SECRET);
    assert.equal(claims.portalId, null);
  });

  test('a hand-made token verifies; an embed token is never a health token, nor the reverse', async () => {
    const exp = nowSeconds() + 60;
    assert.equal((await verifyHealthToken(handMade({ scope: 'health', portalId: '9', exp }), SECRET)).portalId, '9');
    const embed = await createEmbedToken({ record: { objectType: 'company', objectId: '42', portalId: '9' }, secret: SECRET });
    await assert.rejects(verifyHealthToken(embed, SECRET), /no health scope/);
    const health = await createHealthToken({ portalId: '9', secret: SECRET });
    await assert.rejects(verifyEmbedToken(health, SECRET), /no record claim/);
  });

  test('rejects garbage, wrong secret, alg none or HS512, expired, no exp, wrong scope, no or bad portal', async () => {
    const exp = nowSeconds() + 60;
    const rejected = {
      garbage: 'not.a.token',
      empty: '',
      huge: 'a'.repeat(10_000),
      'wrong secret': handMade({ scope: 'health', portalId: '9', exp }, { secret: 'another-secret-that-is-32-bytes-or-more' }),
      'alg none': `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ scope: 'health', portalId: '9', exp })}.`,
      'alg HS512': handMade({ scope: 'health', portalId: '9', exp }, { header: { alg: 'HS512' } }),
      expired: handMade({ scope: 'health', portalId: '9', exp: nowSeconds() - 31 }),
      'no exp': handMade({ scope: 'health', portalId: '9' }),
      'scope card': handMade({ scope: 'card', portalId: '9', exp }),
      'no scope': handMade({ portalId: '9', exp }),
      'no portal': handMade({ scope: 'health', exp }),
      'portal a number': handMade({ scope: 'health', portalId: 9, exp }),
      'portal empty': handMade({ scope: 'health', portalId: '', exp }),
    };
    for (const [name, token] of Object.entries(rejected)) await assert.rejects(verifyHealthToken(token, SECRET), Error, name);
    await assert.rejects(verifyHealthToken(rejected.expired, SECRET), (error) => !error.message.includes(rejected.expired.slice(0, 20)));
  });

  test('refuses to mint with a short secret, no portal or a bad ttl', async () => {
    await assert.rejects(createHealthToken({ portalId: '1', secret: 'short' }), TypeError);
    await assert.rejects(createHealthToken({ secret: SECRET }), TypeError);
    await assert.rejects(createHealthToken({ portalId: '', secret: SECRET }), TypeError);
    await assert.rejects(createHealthToken({ portalId: '1', secret: SECRET, ttlSeconds: 0 }), TypeError);
  });
});
