// examples/dynamics-365: the record and locale a Dynamics 365 web resource receives, mapped to the
// card's (the part of that path that runs outside Dynamics), and the iframe URL built from them
// loading the built iframe page with an embed token.
import { expect } from '@open-wc/testing';
import { embedUrl, recordFromDynamics } from '../../examples/dynamics-365/dynamics-params.ts';
import { ensureBuilt, frameCard, loadFrame, removeFrames } from '../frame-helpers.ts';

const query = (text: string) => new URLSearchParams(text);

describe('examples/dynamics-365', () => {
  it('maps id in braces, typename and userlcid to the record and the locale', () => {
    expect(recordFromDynamics(query('id=%7B3F2504E0-4F89-11D3-9A0C-0305E82C3301%7D&typename=account&userlcid=1036&orglcid=1033'))).to.deep.equal({
      record: { objectType: 'company', objectId: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' },
      lang: 'fr',
    });
    expect(recordFromDynamics(query('id=3f2504e0-4f89-11d3-9a0c-0305e82c3301&typename=opportunity&userlcid=1046')).record?.objectType).to.equal('deal');
    expect(recordFromDynamics(query('id={3f2504e0-4f89-11d3-9a0c-0305e82c3301}&typename=new_project&userlcid=9999&orglcid=1041'))).to.deep.equal({
      record: { objectType: 'new_project', objectId: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' },
      lang: 'ja',
    });
    for (const bad of ['typename=account', 'id=not-a-guid&typename=account', 'id={3f2504e0-4f89-11d3-9a0c-0305e82c3301}&typename=<script>', '']) {
      expect(recordFromDynamics(query(bad)).record, bad).to.equal(undefined);
    }
  });

  it("builds an iframe URL with the token in the fragment that opens the record's card", async () => {
    await ensureBuilt();
    const params = recordFromDynamics(query('id={3F2504E0-4F89-11D3-9A0C-0305E82C3301}&typename=account&userlcid=1031'));
    const { token } = (await (await fetch(`/server-api/mint?objectType=company&objectId=${params.record!.objectId}`)).json()) as { token: string };
    const url = embedUrl(new URL('/dist/embed.html?endpoint=/server-api/secure', location.href).href, params, token)!;
    expect(new URL(url).search).to.not.include(token);
    try {
      const frame = await loadFrame(url);
      const card = await frameCard(frame, ['card', 'error']);
      expect(card.shadowRoot!.querySelector('[part~="synced-with"]')?.textContent).to.include('Record 3f2504e0-4f89-11d3-9a0c-0305e82c3301');
      expect(frame.contentDocument!.documentElement.lang).to.equal('de');
    } finally {
      removeFrames();
    }
  });
});
