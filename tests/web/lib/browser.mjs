// Browser-test helpers: Debian's Chromium driven by playwright-core (Playwright's own browser
// download cannot work on these machines), and the API double serving <repo>/dist.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from '../../../web/server/api-double.mjs';
import { DEMO_TOKEN } from '../../../web/sample-jobs/index.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// PM_DIST_DIR points the tests at a build elsewhere (e.g. a CI artifact); <repo>/dist by default.
export const DIST_DIR = process.env.PM_DIST_DIR ? path.resolve(process.env.PM_DIST_DIR) : fileURLToPath(new URL('../../../dist/', import.meta.url));
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../../test-artifacts/', import.meta.url));
export const CHROMIUM_PATH = '/usr/bin/chromium';

// Playwright's own --disable-features list (playwright-core 1.65, chromiumSwitches.ts), which a
// second --disable-features switch would otherwise replace.
const PLAYWRIGHT_DISABLED_FEATURES = ['AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose',
  'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding',
  'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin',
  'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch'];

// Why each flag: root needs --no-sandbox; the machine's closed network makes QUIC, component
// updates, sync and background fetches fail noisily; WebGL2 renders only through SwiftShader here.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  `--disable-features=${[
    // Each new page's window also loads the omnibox popup's WebUI (chrome://omnibox-popup.top-chrome)
    // in a renderer of its own: about 0.9 s of CPU per page on these 2-core machines, taken from
    // the page being measured (the first frame after navigation: tools/bench-web.mjs).
    'WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup',
    // Chromium keeps only the last --disable-features switch, so this one repeats the features
    // Playwright (1.65) disables with its own switch, which it passes before ours.
    ...PLAYWRIGHT_DISABLED_FEATURES,
  ].join(',')}`,
];

// chromium.launch() gives every browser a fresh temporary profile (user-data-dir) and deletes it
// on close, which is the isolation the tests need; a persistent profile is never used.
export function launchChromium({ timeoutMs = 30_000 } = {}) {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, timeout: timeoutMs });
}

// The double with dist/ as its static root, so the page and the API share one origin.
export function startDoubleForDist(options = {}) {
  return createServer({ distDir: DIST_DIR, token: DEMO_TOKEN, ...options });
}

// For a describe() block: starts the double and Chromium before its tests and closes both after.
// Read env.double and env.browser inside the tests (they are set once before() has run).
export function useBrowserAndDouble(hooks, options = {}) {
  const env = { double: null, browser: null };
  hooks.before(async () => {
    env.double = await startDoubleForDist(options);
    env.browser = await launchChromium();
  });
  hooks.after(async () => {
    await env.browser?.close();
    await env.double?.close();
  });
  return env;
}
