// The sync health page (dist/health.html; contract §15): <integration-sync-health> full page,
// authenticated like embed.html (section 10; ./page.ts: what the two pages share): `#token=` read
// and removed before the first request, Bearer on every request, the expired state on 401,
// messages to isc-parent-origin only. The filters come from the query string (the element's
// sync-url), so a card's detail.url can open it filtered.
import '../define.ts';
import { createRestHealthProvider } from '../data/health-rest-provider.ts';
import { addDoneButton, meta, notice, startPage } from './page.ts';

const MESSAGES = {
  en: {
    missing: 'No data endpoint is configured for this page. Ask your administrator to set it.',
    refused: 'This page was asked to load its data from another origin. For your security the request was not made.',
  },
  fr: {
    missing: "Aucune adresse de données n'est configurée pour cette page. Demandez à votre administrateur de la définir.",
    refused: "Cette page devait charger ses données depuis une autre origine. Par sécurité, la requête n'a pas été faite.",
  },
};

const page = startPage();
const { app, config, token } = page;
const t = page.french ? MESSAGES.fr : MESSAGES.en;
if (config.endpoint.kind !== 'ok') {
  app.append(notice(config.endpoint.kind === 'refused' ? t.refused : t.missing));
} else {
  const element = document.createElement('integration-sync-health');
  element.syncUrl = true;
  if (config.theme) element.theme = config.theme;
  const portalId = new URLSearchParams(location.search).get('portalId')?.trim();
  if (portalId) element.portalId = portalId;
  const recordUrl = meta('isc-record-url');
  if (recordUrl) element.recordUrl = recordUrl;
  // NOTE: the provider last, so the first request already carries the token.
  if (token) element.provider = createRestHealthProvider({ endpoint: config.endpoint.url, token });
  else element.endpoint = config.endpoint.url;
  app.append(element);
}
addDoneButton(page);
