// src/data/safe-url.ts: the one gate for provider URLs, and that the card renders nothing it refuses as a link.
import { expect, html, oneEvent } from '@open-wc/testing';
import { createMemoryProvider, safeUrl } from '../../src/index.ts';
import { oneSync, part, renderCard, text, UNSAFE_URLS } from '../helpers.ts';

/** Obfuscated script URLs: case, whitespace and control characters, entities, encodings. */
function scriptUrlVariants(): string[] {
  const payload = 'alert(1)';
  const schemes = ['javascript', 'JavaScript', 'JAVASCRIPT', 'jAvAsCrIpT', 'vbscript', 'VBScript', 'data', 'DaTa'];
  const variants = new Set<string>();
  for (const scheme of schemes) {
    const body = scheme.toLowerCase() === 'data' ? 'text/html,<script>alert(1)</script>' : payload;
    variants.add(`${scheme}:${body}`);
    variants.add(` ${scheme}:${body}`);
    variants.add(`\t${scheme}:${body}`);
    variants.add(`\n${scheme}:${body}`);
    variants.add(`\u0000${scheme}:${body}`);
    variants.add(`\u001f${scheme}:${body}`);
    variants.add(`\u00a0${scheme}:${body}`);
    variants.add(`\ufeff${scheme}:${body}`);
    variants.add(`${scheme.slice(0, 4)}\t${scheme.slice(4)}:${body}`);
    variants.add(`${scheme.slice(0, 4)}\n${scheme.slice(4)}:${body}`);
    variants.add(`${scheme.slice(0, 4)}\r${scheme.slice(4)}:${body}`);
    variants.add(`${scheme.slice(0, 4)}\u0000${scheme.slice(4)}:${body}`);
    variants.add(`${scheme}&colon;${body}`);
    variants.add(`${scheme}&#58;${body}`);
    variants.add(`${scheme}&#x3A;${body}`);
    variants.add(`${scheme}%3A${body}`);
    variants.add(`${[...scheme].map((c) => `&#${c.charCodeAt(0)};`).join('')}:${body}`);
    variants.add(`${[...scheme].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')}:${body}`);
    variants.add(`${scheme}:${encodeURIComponent(body)}`);
  }
  variants.add('https://erp.example.com/\u0000');
  variants.add('https://erp.example.com/\u2028');
  variants.add('http:\\\\evil.example.com');
  variants.add('\\\\evil.example.com\\share');
  return [...variants];
}

describe('URL policy (safeUrl)', () => {
  const obfuscated = scriptUrlVariants();
  const variants = [...UNSAFE_URLS, ...obfuscated];

  it(`rejects ${obfuscated.length} obfuscated javascript:/data:/vbscript: variants and ${UNSAFE_URLS.length} plain unsafe URLs (safeUrl)`, () => {
    expect(obfuscated.length).to.be.at.least(40);
    for (const url of variants) expect(safeUrl(url), JSON.stringify(url)).to.equal(null);
  });

  it('renders none of them as a link, anywhere in the card', async () => {
    const records: Record<string, ReturnType<typeof oneSync>> = {};
    variants.forEach((url, i) => {
      records[`company:${i}`] = oneSync(
        { status: 'record_not_synced', syncedWith: { name: 'Acme', url }, detail: { message: 'x', url } },
        { state: 'extra_features_required', settingsUrl: url },
      );
    });
    const provider = createMemoryProvider(records);
    const warnings: string[] = [];
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="0" .provider=${provider}
      @isc-data-warning=${(event: CustomEvent) => warnings.push(event.detail.message)}></integration-sync-card>`);
    for (let i = 0; i < variants.length; i++) {
      if (i > 0) {
        const loaded = oneEvent(card, 'isc-load');
        card.objectId = String(i);
        await loaded;
      }
      const label = JSON.stringify(variants[i]);
      expect(card.shadowRoot!.querySelectorAll('a').length, label).to.equal(0);
      expect(text(part(card, 'synced-with')), `${label}: the name stays, as text`).to.equal('Acme');
      expect(part(card, 'status')!.tagName, label).to.equal('SPAN');
      expect(part(card, 'setup-link'), label).to.equal(null);
    }
    // The host is told, not only the user shielded.
    expect(warnings.some((message) => message.includes('not an absolute http(s) URL'))).to.equal(true);
  });

    it('keeps absolute http(s) URLs, normalised', () => {
      expect(safeUrl('https://erp.example.com/x?id=1')).to.equal('https://erp.example.com/x?id=1');
      expect(safeUrl('HTTP://ERP.example.com')).to.equal('http://erp.example.com/');
    });
});
