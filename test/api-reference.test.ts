/// <reference types="vite/client" />
// The API reference in docs/api.md is generated from custom-elements.json (the component's JSDoc,
// read by `cem analyze` during the build): this fails when the two differ.
import { expect } from '@open-wc/testing';
import apiPage from '../docs/api.md?raw';
import { END, renderApiReference, START } from '../scripts/api-reference-render.mjs';
import { ensureBuilt } from './frame-helpers.ts';

describe('API reference (docs/api.md)', function () {
  this.timeout(120_000);
  before(ensureBuilt);

  it('is the one generated from custom-elements.json (run `npm run docs:api` after changing JSDoc)', async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    const expected = renderApiReference(manifest);
    const start = apiPage.indexOf(START);
    const end = apiPage.indexOf(END);
    expect(start, 'docs/api.md has the api-reference markers').to.be.greaterThan(-1);
    expect(apiPage.slice(start, end + END.length)).to.equal(expected);
  });

  it('documents every attribute, event, part and CSS property of the element', async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    const reference = renderApiReference(manifest);
    for (const name of ['object-type', 'object-id', 'portal-id', 'endpoint', 'refresh-interval', 'theme', 'lang']) {
      expect(reference).to.contain(`| \`${name}\``);
    }
    for (const name of ['isc-load', 'isc-error', 'isc-navigate', 'isc-resync', 'isc-data-warning', 'card', 'status', 'tooltip', '--isc-color-link']) {
      expect(reference).to.contain(`| \`${name}\` |`);
    }
  });
});
