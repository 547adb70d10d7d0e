// Kept for scripts and habits that still call it: installs Chromium alone when missing.
// Everything else uses ensure-browsers.mjs (all three engines, or the ones named).
import { ensureBrowsers } from './ensure-browsers.mjs';

ensureBrowsers(['chromium']);
