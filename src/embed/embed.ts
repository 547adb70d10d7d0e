// The iframe page (dist/embed.html, contract.md §8): one <integration-sync-card> for the record
// named in the query string, sized to its content for the parent page, with an optional Done
// button for CRM iframe modals. Everything here is built with DOM APIs and textContent: the
// query string is untrusted input.
import '../define.ts';
import { readEmbedConfig, type EmbedConfig } from './embed-params.ts';

/** The page's own strings (the card localises itself). */
const MESSAGES = {
  en: {
    done: 'Done',
    refused: (url: string) =>
      `This card was asked to load its data from "${url}", which is not on this page's origin. ` +
      'For your security the request was not made. Ask your administrator to configure the data endpoint.',
    missing: 'No data endpoint is configured for this card. Ask your administrator to set it.',
  },
  fr: {
    done: 'Terminé',
    refused: (url: string) =>
      // NOTE: French quotes take no-break spaces inside.
      `Cette carte devait charger ses données depuis «\u00a0${url}\u00a0», qui n'est pas sur l'origine de cette page. ` +
      "Par sécurité, la requête n'a pas été faite. Demandez à votre administrateur de configurer l'adresse des données.",
    missing: "Aucune adresse de données n'est configurée pour cette carte. Demandez à votre administrateur de la définir.",
  },
};

function messagesFor(lang: string | undefined) {
  return lang?.toLowerCase().split('-')[0] === 'fr' ? MESSAGES.fr : MESSAGES.en;
}

function notice(text: string): HTMLElement {
  const element = document.createElement('p');
  element.className = 'notice';
  element.setAttribute('role', 'alert');
  element.dataset.notice = '';
  element.textContent = text;
  return element;
}

function render(config: EmbedConfig, app: HTMLElement): void {
  const t = messagesFor(config.lang);
  if (config.lang) document.documentElement.lang = config.lang;
  if (config.theme) document.documentElement.dataset.theme = config.theme;

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
    card.endpoint = endpoint.url;
    if (config.theme) card.theme = config.theme;
    // NOTE: the record last, so the card makes its one request with the endpoint already set.
    card.record = config.record;
    app.append(card);
  }

  if (config.modal) {
    const footer = document.createElement('footer');
    footer.className = 'modal-actions';
    const done = document.createElement('button');
    done.type = 'button';
    done.className = 'done';
    done.textContent = t.done;
    // The message CRM iframe modals close on (a string, as they expect).
    done.addEventListener('click', () => window.parent.postMessage(JSON.stringify({ action: 'DONE' }), '*'));
    footer.append(done);
    app.append(footer);
  }
}

/**
 * Tells the parent page our height whenever it changes, so it can size the iframe to fit.
 * The message carries no data, so any parent may read it (target `*`).
 */
function reportHeight(): void {
  if (window.parent === window) return;
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'isc:resize', height }, '*');
  };
  new ResizeObserver(post).observe(document.documentElement);
  post();
}

const app = document.getElementById('app') ?? document.body;
const configured = document.querySelector<HTMLMetaElement>('meta[name="isc-endpoint"]')?.content;
render(readEmbedConfig(location.href, configured), app);
reportHeight();
