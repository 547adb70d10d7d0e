// The sync health page (dist/health.html; contract §15): <integration-sync-health> full page,
// authenticated like embed.html (section 10): `#token=` read and removed before the first
// request, Bearer on every request, the expired state on 401, messages to isc-parent-origin only.
// The filters come from the query string (the element's sync-url), so a card's detail.url can
// open it filtered. Everything here is built with DOM APIs and textContent.
import '../define.ts';
import { createRestHealthProvider } from '../data/health-rest-provider.ts';
import { parentOrigins, readEmbedConfig, tokenFromFragment } from './embed-params.ts';

const MESSAGES = {
  en: {
    done: 'Done',
    missing: 'No data endpoint is configured for this page. Ask your administrator to set it.',
    refused: 'This page was asked to load its data from another origin. For your security the request was not made.',
  },
  fr: {
    done: 'Terminé',
    missing: "Aucune adresse de données n'est configurée pour cette page. Demandez à votre administrateur de la définir.",
    refused: "Cette page devait charger ses données depuis une autre origine. Par sécurité, la requête n'a pas été faite.",
  },
};

const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;
const app = document.getElementById('app') ?? document.body;
const origins = parentOrigins(meta('isc-parent-origin'));
// The token leaves the address bar before any request: out of the history, out of a copied link.
const token = tokenFromFragment(location.hash);
if (location.hash) history.replaceState(history.state, '', `${location.pathname}${location.search}`);

// The endpoint is the deployer's (the meta); a query-string `endpoint` only on this page's own
// origin, as embed.html's (src/embed/embed-params.ts decides for both).
const config = readEmbedConfig(location.href, meta('isc-endpoint'));
const query = new URLSearchParams(location.search);
const lang = query.get('lang')?.trim() || undefined;
const theme = query.get('theme');
const t = lang?.toLowerCase().startsWith('fr') ? MESSAGES.fr : MESSAGES.en;
if (lang) document.documentElement.lang = lang;
if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;

if (config.endpoint.kind !== 'ok') {
  const notice = document.createElement('p');
  notice.className = 'notice';
  notice.setAttribute('role', 'alert');
  notice.textContent = config.endpoint.kind === 'refused' ? t.refused : t.missing;
  app.append(notice);
} else {
  const element = document.createElement('integration-sync-health');
  element.syncUrl = true;
  if (theme === 'light' || theme === 'dark' || theme === 'auto') element.theme = theme;
  const portalId = query.get('portalId')?.trim();
  if (portalId) element.portalId = portalId;
  const recordUrl = meta('isc-record-url');
  if (recordUrl) element.recordUrl = recordUrl;
  // NOTE: the provider last, so the first request already carries the token.
  if (token) element.provider = createRestHealthProvider({ endpoint: config.endpoint.url, token });
  else element.endpoint = config.endpoint.url;
  app.append(element);
}

if (query.get('modal') === '1' || query.get('modal') === 'true') {
  const footer = document.createElement('footer');
  footer.className = 'modal-actions';
  const done = document.createElement('button');
  done.type = 'button';
  done.textContent = t.done;
  // The message CRM iframe modals close on; only to the listed parents when the page lists them.
  done.addEventListener('click', () => {
    if (window.parent === window) return;
    const message = JSON.stringify({ action: 'DONE' });
    if (!origins) window.parent.postMessage(message, '*');
    else for (const origin of origins) window.parent.postMessage(message, origin);
  });
  footer.append(done);
  app.append(footer);
}
