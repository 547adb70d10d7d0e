// Media emulation in Firefox, for the tests (test/support/engines.mjs) and screenshots.mjs.
// Firefox has no CDP and, in ESR 153, no WebDriver BiDi media override yet; what it has are the
// switches its own devtools use: a tab's prefersColorSchemeOverride and forcedColorsOverride,
// and the `ui.prefersReducedMotion` look-and-feel pref. They are set from the browser's
// privileged (chrome) scope over BiDi, which needs Firefox started with FIREFOX_SYSTEM_ACCESS.

/** The launch argument that opens the chrome scope to the automation (test profiles only). */
export const FIREFOX_SYSTEM_ACCESS = '-remote-allow-system-access';

/**
 * @param {import('puppeteer-core').Browser} browser a puppeteer-core Firefox (WebDriver BiDi)
 * @param {{ colorScheme?: 'light' | 'dark', reducedMotion?: 'reduce' | 'no-preference', forcedColors?: 'active' | 'none' }} request
 *   an empty request resets every feature to the browser's own
 */
export async function setFirefoxMedia(browser, request) {
  const motion =
    request.reducedMotion === 'reduce'
      ? "Services.prefs.setIntPref('ui.prefersReducedMotion', 1);"
      : request.reducedMotion === 'no-preference'
        ? "Services.prefs.setIntPref('ui.prefersReducedMotion', 0);"
        : "Services.prefs.clearUserPref('ui.prefersReducedMotion');";
  const expression = `(() => {
    for (const win of Services.wm.getEnumerator('navigator:browser')) {
      for (const tab of win.gBrowser.browsers) {
        tab.browsingContext.prefersColorSchemeOverride = ${JSON.stringify(request.colorScheme ?? 'none')};
        tab.browsingContext.forcedColorsOverride = ${JSON.stringify(request.forcedColors === 'active' ? 'active' : 'none')};
      }
    }
    ${motion}
  })()`;
  // @ts-expect-error: `connection` is puppeteer's BiDi connection (public on its BidiBrowser).
  const connection = browser.connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = tree.result.contexts[0]?.context;
  const { result } = await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: false });
  if (result.type !== 'success') throw new Error(`Firefox refused the media override: ${JSON.stringify(result.exceptionDetails ?? result)}`);
}
