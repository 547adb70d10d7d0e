// What the two iframe pages (embed.html, health.html) share: their settings read from the URL and
// the deployer's metas, the token taken out of the address bar before any request, the notice
// shown instead of the element, and the Done button of CRM iframe modals. DOM APIs and
// textContent only: the query string is untrusted input.
import { parentOrigins, readEmbedConfig, tokenFromFragment, type EmbedConfig } from './embed-params.ts';

export interface Page {
  /** Where the page's content goes. */
  app: HTMLElement;
  config: EmbedConfig;
  /** From `#token=`: every request carries it as a Bearer header (the event stream as `token=`). */
  token: string | undefined;
  /** `<meta name="isc-parent-origin">`'s origins; `undefined` without the meta. */
  origins: string[] | undefined;
  /** The page's strings are French (the element localises itself). */
  french: boolean;
}

/** A `<meta name>`'s content in the page, set by the deployer. */
export const meta = (name: string): string | undefined => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;

/** Reads the page's settings, first thing: the token leaves the address bar before any request. */
export function startPage(): Page {
  // Out of the history, out of a copied link.
  const token = tokenFromFragment(location.hash);
  if (location.hash) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  // The endpoint is the deployer's (the meta); a query-string `endpoint` only on this page's own
  // origin (./embed-params.ts decides).
  const config = readEmbedConfig(location.href, meta('isc-endpoint'));
  if (config.lang) document.documentElement.lang = config.lang;
  if (config.theme) document.documentElement.dataset.theme = config.theme;
  return {
    app: document.getElementById('app') ?? document.body,
    config,
    token,
    origins: parentOrigins(meta('isc-parent-origin')),
    french: config.lang?.toLowerCase().split('-')[0] === 'fr',
  };
}

/** The message shown instead of the element (no endpoint, or a refused one). */
export function notice(text: string): HTMLElement {
  const element = document.createElement('p');
  element.className = 'notice';
  element.setAttribute('role', 'alert');
  element.dataset.notice = '';
  element.textContent = text;
  return element;
}

/**
 * Posts to the parent page: to each origin of `<meta name="isc-parent-origin">` when the page
 * has one (the browser drops the messages whose origin does not match), else to `*` (the
 * messages carry no data).
 */
export function postToParent(message: unknown, origins: string[] | undefined): void {
  if (window.parent === window) return;
  if (!origins) return window.parent.postMessage(message, '*');
  for (const origin of origins) window.parent.postMessage(message, origin);
}

/** `modal=1`: a Done button under the content, which closes the CRM's iframe modal. */
export function addDoneButton({ app, config, origins, french }: Page): void {
  if (!config.modal) return;
  const footer = document.createElement('footer');
  footer.className = 'modal-actions';
  const done = document.createElement('button');
  done.type = 'button';
  done.className = 'done';
  done.textContent = french ? 'Terminé' : 'Done';
  // The message CRM iframe modals close on (a string, as they expect).
  done.addEventListener('click', () => postToParent(JSON.stringify({ action: 'DONE' }), origins));
  footer.append(done);
  app.append(footer);
}
