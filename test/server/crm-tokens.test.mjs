// Embed tokens minted outside Node, the way the CRM examples mint them: the Salesforce example's
// Apex (examples/salesforce/…/IntegrationSyncCardToken.cls: standard base64 turned base64url by
// replacing characters, JSON.serialize of the claims) must verify with verifyEmbedToken. Apex
// itself cannot run here; this replays its steps byte for byte.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { SECRET, verifyEmbedToken } from './helpers.mjs';

const apexBase64Url = (buffer) => buffer.toString('base64').replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');

test('a token built the way the Salesforce example builds it verifies, for its record only', async () => {
  const now = Math.floor(Date.now() / 1000);
  // JSON.serialize of an Apex Map keeps insertion order; Ids are 18 characters.
  const claims = { rec: { objectType: 'company', objectId: '001Hs00002ABCDEFGH', portalId: '00DHs0000012345EAA' }, iat: now, exp: now + 900, sub: '005Hs000001XYZABCD' };
  const unsigned = `${apexBase64Url(Buffer.from('{"alg":"HS256","typ":"JWT"}'))}.${apexBase64Url(Buffer.from(JSON.stringify(claims)))}`;
  const token = `${unsigned}.${apexBase64Url(createHmac('sha256', SECRET).update(unsigned).digest())}`;
  const verified = await verifyEmbedToken(token, SECRET);
  assert.deepEqual(verified.rec, claims.rec);
  assert.equal(verified.sub, claims.sub);
});
