// The iframe page (dist/embed.html; docs/crm-platforms.md): one <integration-sync-card> for the
// record named in the query string, sized to its content for the parent page, with an optional Done
// button for CRM iframe modals (./page.ts: what it shares with the health page).
import '../define.ts';
import { createRestProvider } from '../data/rest-provider.ts';
import { addDoneButton, notice, postToParent, startPage } from './page.ts';

/** The page's own strings (the card localises itself). */
const MESSAGES = {
  en: {
    refused: (url: string) =>
      `This card was asked to load its data from "${url}", which is not on this page's origin. ` +
      'For your security the request was not made. Ask your administrator to configure the data endpoint.',
    missing: 'No data endpoint is configured for this card. Ask your administrator to set it.',
  },
  fr: {
    refused: (url: string) =>
      // NOTE: French quotes take no-break spaces inside.
      `Cette carte devait charger ses données depuis «\u00a0${url}\u00a0», qui n'est pas sur l'origine de cette page. ` +
      "Par sécurité, la requête n'a pas été faite. Demandez à votre administrateur de configurer l'adresse des données.",
    missing: "Aucune adresse de données n'est configurée pour cette carte. Demandez à votre administrateur de la définir.",
  },
};

/** Tells the parent page our height whenever it changes, so it can size the iframe to fit. */
function reportHeight(origins: string[] | undefined): void {
  if (window.parent === window) return;
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    postToParent({ type: 'isc:resize', height }, origins);
  };
  new ResizeObserver(post).observe(document.documentElement);
  post();
}

const page = startPage();
const { app, config, token } = page;
const t = page.french ? MESSAGES.fr : MESSAGES.en;
const { endpoint } = config;
if (endpoint.kind === 'refused') {
  // Only the origin, shortened: the rest of a URL someone else wrote is no text to show as ours.
  let origin: string;
  try {
    origin = new URL(endpoint.url).origin;
  } catch {
    origin = endpoint.url;
  }
  app.append(notice(t.refused(origin.length > 80 ? `${origin.slice(0, 80)}…` : origin)));
} else if (endpoint.kind === 'missing') {
  app.append(notice(t.missing));
} else {
  const card = document.createElement('integration-sync-card');
  // With an embed token, every request carries it as a Bearer header (the event stream as its
  // `token` parameter); without one, the page sends no Authorization at all.
  if (token) card.provider = createRestProvider({ endpoint: endpoint.url, token });
  else card.endpoint = endpoint.url;
  if (config.theme) card.theme = config.theme;
  // NOTE: the record last, so the card makes its one request with the endpoint already set.
  card.record = config.record;
  app.append(card);
}
addDoneButton(page);
reportHeight(page.origins);
