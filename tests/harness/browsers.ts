/**
 * Launch Debian's Chromium or Firefox ESR with the built extension, wired to the fake internet.
 *
 * Chromium (CDP over a pipe): `--host-resolver-rules=MAP * 127.0.0.1:<port>` sends every host to the
 * fake internet; the unpacked extension is loaded with `browser.installExtension(dir)` (puppeteer's
 * `Extensions.loadUnpacked`), whose ID derives from the directory's absolute path, so a restart with
 * the same profile and path finds the same origin and the same IndexedDB.
 *
 * Firefox (WebDriver BiDi): the fake internet's port is Firefox's HTTP and HTTPS proxy (HTTPS goes
 * through `CONNECT host:443` tunnels), so the fake internet can listen on any port;
 * `network.dns.forceResolve=127.0.0.1` stays as a backstop. The add-on is installed as a temporary
 * add-on with `browser.installExtension(dir)`; its internal UUID is pinned with
 * `extensions.webextensions.uuids`, so its origin is the predictable `moz-extension://<uuid>`.
 * Temporary add-ons are removed at shutdown; with `keepStorageOnUninstall` and `keepUuidOnUninstall`
 * a restart on the same profile reinstalls it and finds its storage and IndexedDB again.
 * Firefox is started with `--remote-allow-system-access`, without which BiDi refuses to navigate a
 * tab to a moz-extension:// URL ("not allowed in this context"). With it the navigation happens, but
 * BiDi reports neither the load event nor the URL of moz-extension documents: page.url() stays
 * 'about:blank', page.goto()/page.reload() time out. So openExtensionPage starts the navigation and
 * then polls the document (location.href, readyState); reloadExtensionPage() reloads through
 * location.reload(); findExtensionPage() finds tabs the extension opened itself (tabs.create) by
 * asking each page for its location.href. page.evaluate, $, click and type work normally there.
 *
 * Executables: env CHROMIUM_PATH (default /usr/bin/chromium), FIREFOX_PATH (/usr/bin/firefox-esr).
 * Profiles: a temporary directory under os.tmpdir(), removed by close(), unless `userDataDir` is given.
 * Set E2E_DUMPIO=1 to see the browsers' own output.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';

export { deep, queryShadow, queryShadowAll, waitForDeep, waitForShadow, isTopmostAtCenter } from './shadow';

export type BrowserKind = 'chromium' | 'firefox';

export const BROWSER_KINDS: readonly BrowserKind[] = ['chromium', 'firefox'];

/** The Firefox add-on ID (wxt.config.ts, browser_specific_settings.gecko.id). */
export const FIREFOX_ADDON_ID = 'backstory@backstory.invalid';

/** Pinned internal UUID of the Firefox add-on: its origin is moz-extension://<this>. */
export const FIREFOX_EXTENSION_UUID = '5b6f0c1e-8d2a-4f3b-9c47-b4c75a0e1d2f';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const DEFAULT_VIEWPORT = { width: 1280, height: 800 } as const;

export function extensionDirFor(kind: BrowserKind): string {
  return path.join(REPO_ROOT, '.output', kind === 'chromium' ? 'chrome-mv3' : 'firefox-mv3');
}

export function executablePathFor(kind: BrowserKind): string {
  return kind === 'chromium' ? (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') : (process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr');
}

/** Browsers to run end-to-end tests in: env E2E_BROWSERS ("chromium", "firefox", comma-separated), default both. */
export function e2eBrowserKinds(): BrowserKind[] {
  const raw = process.env.E2E_BROWSERS?.trim();
  if (!raw) return [...BROWSER_KINDS];
  const kinds = raw.split(',').map((s) => s.trim().toLowerCase());
  for (const k of kinds) {
    if (!BROWSER_KINDS.includes(k as BrowserKind)) throw new Error(`E2E_BROWSERS: unknown browser "${k}" (use chromium, firefox)`);
  }
  return kinds as BrowserKind[];
}

/** Throws a clear error when a build the tests need is missing. */
export function assertBuilt(kinds: readonly BrowserKind[] = BROWSER_KINDS): void {
  const missing = kinds.filter((k) => !existsSync(path.join(extensionDirFor(k), 'manifest.json')));
  if (missing.length === 0) return;
  const cmds = missing.map((k) => (k === 'chromium' ? 'npx wxt build' : 'npx wxt build -b firefox')).join(' && ');
  throw new Error(
    `End-to-end tests need the built extension, and ${missing.map((k) => path.join(extensionDirFor(k), 'manifest.json')).join(' and ')} ` +
      `${missing.length > 1 ? 'are' : 'is'} missing. Build first: ${cmds}  (npm test does this for you).`,
  );
}

export interface LaunchOptions {
  /** Unpacked extension to load (default: .output/chrome-mv3 or .output/firefox-mv3). */
  extensionDir?: string;
  /** Port of the fake internet (startFakeInternet().port). */
  fakeInternetPort: number;
  /** Keep the profile here (not removed by close()). Default: a fresh temporary profile. */
  userDataDir?: string;
  /** Default true. */
  headless?: boolean;
  /** Page viewport (default 1280×800); null leaves the window's own size (headful). */
  viewport?: { width: number; height: number } | null;
  /** Extra command-line arguments for the browser. */
  args?: string[];
  /** Firefox only: extra preferences, on top of (and overriding) the harness's own. */
  firefoxPrefs?: Record<string, unknown>;
}

export interface LaunchedBrowser {
  readonly kind: BrowserKind;
  /** The current puppeteer Browser (a new one after restart()). */
  readonly browser: Browser;
  /** 'chrome-extension://<id>' or 'moz-extension://<uuid>' (no trailing slash). */
  readonly extensionOrigin: string;
  /** Chromium: the extension ID; Firefox: the add-on ID installExtension returned. */
  readonly extensionId: string;
  readonly userDataDir: string;
  newPage(): Promise<Page>;
  /**
   * Opens an extension page in a new tab, e.g. openExtensionPage('/popup.html?tabId=3'), and waits
   * until its document has loaded. In Firefox, page.url() of that tab still reads 'about:blank' and
   * page.reload()/goto() time out there: use reloadExtensionPage() and page.evaluate(() => location.href).
   */
  openExtensionPage(pathAndQuery: string, options?: { timeout?: number }): Promise<Page>;
  /** Finds an already open extension page whose location.href contains `pathIncludes` (polls). */
  findExtensionPage(pathIncludes: string, options?: { timeout?: number }): Promise<Page>;
  /** Chromium only: the extension's service worker target (waits for it). */
  serviceWorkerTarget(options?: { timeout?: number }): Promise<Target>;
  /** Close and relaunch on the same profile; the extension is loaded again from the same directory. */
  restart(): Promise<void>;
  /** Close the browser; removes the profile unless the caller passed userDataDir. */
  close(): Promise<void>;
}

function chromiumArgs(port: number): string[] {
  return [
    `--host-resolver-rules=MAP * 127.0.0.1:${port}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--disable-sync',
    '--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater',
    '--no-first-run',
    '--no-default-browser-check',
    '--metrics-recording-only',
    '--ignore-certificate-errors',
    '--use-mock-keychain',
    '--password-store=basic',
    `--window-size=${DEFAULT_VIEWPORT.width},${DEFAULT_VIEWPORT.height + 100}`,
  ];
}

/** Where Firefox's own background traffic would go: every URL points at the fake internet or nowhere. */
function firefoxPrefs(port: number): Record<string, unknown> {
  const nowhere = 'https://firefox-services.fake-internet.invalid/';
  return {
    // All traffic through the fake internet (HTTP proxy for http and https), DNS pinned as a backstop.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
    'network.proxy.failover_direct': false,
    'network.dns.forceResolve': '127.0.0.1',
    'network.dns.disableIPv6': true,
    'network.dns.disablePrefetch': true,
    'network.trr.mode': 5,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    // The extension: unsigned, predictable origin, storage kept across restarts.
    'xpinstall.signatures.required': false,
    'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_EXTENSION_UUID }),
    'extensions.webextensions.keepStorageOnUninstall': true,
    'extensions.webextensions.keepUuidOnUninstall': true,
    // Quiet: updates, remote settings, telemetry, safe browsing, new tab feeds, push, accounts.
    'app.update.enabled': false,
    'app.update.auto': false,
    'app.update.url': nowhere,
    'app.normandy.enabled': false,
    'app.normandy.api_url': nowhere,
    'app.shield.optoutstudies.enabled': false,
    'services.settings.server': `${nowhere}v1`,
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    'security.OCSP.enabled': 0,
    'extensions.blocklist.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.systemAddon.update.url': nowhere,
    'extensions.update.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.usage.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': nowhere,
    'toolkit.coverage.endpoint.base': nowhere,
    'browser.ping-centre.telemetry': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': nowhere,
    'browser.safebrowsing.provider.google4.updateURL': nowhere,
    'browser.safebrowsing.provider.google.updateURL': nowhere,
    'browser.newtabpage.enabled': false,
    'browser.newtabpage.activity-stream.feeds.system.topstories': false,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'browser.newtabpage.activity-stream.feeds.topsites': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.newtabpage.activity-stream.default.sites': '',
    'browser.topsites.contile.enabled': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.search.geoip.url': '',
    'browser.search.update': false,
    'geo.provider.network.url': '',
    'browser.aboutHomeSnippets.updateUrl': '',
    'browser.discovery.enabled': false,
    'browser.shopping.experience2023.enabled': false,
    'browser.translations.enable': false,
    'browser.ml.enable': false,
    'browser.urlbar.suggest.quicksuggest.sponsored': false,
    'browser.urlbar.suggest.quicksuggest.nonsponsored': false,
    'dom.push.connection.enabled': false,
    'dom.push.serverURL': '',
    'identity.fxaccounts.enabled': false,
    'media.gmp-manager.url': nowhere,
    'media.gmp-gmpopenh264.enabled': false,
    'media.gmp-widevinecdm.enabled': false,
    'network.sntp.pools': 'fake-internet.invalid',
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

async function closeBrowser(browser: Browser): Promise<void> {
  const proc = browser.process();
  const closed = await withTimeout(
    browser.close().then(() => true, () => false),
    15_000,
  );
  if (!closed && proc && proc.exitCode === null) proc.kill('SIGKILL');
}

/** Polls until the page's document is `url` (or starts with it) and has finished loading. */
async function waitForDocument(page: Page, url: string, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = '';
  for (;;) {
    const state = await withTimeout(
      page.evaluate(() => [location.href, document.readyState] as const).catch(() => undefined),
      1_000,
    );
    if (state) {
      last = `${state[0]} (${state[1]})`;
      if (state[0].startsWith(url) && state[1] === 'complete') return;
    }
    if (Date.now() > deadline) throw new Error(`document did not load within ${timeout} ms (last seen: ${last || 'nothing'})`);
    await sleep(100);
  }
}

/**
 * Reloads a page and waits for the new document to finish loading. Works on extension pages in
 * Firefox, where page.reload() times out (BiDi does not report their load events).
 */
export async function reloadExtensionPage(page: Page, { timeout = 15_000 } = {}): Promise<void> {
  const href = await page.evaluate(() => {
    (window as unknown as { __harnessBeforeReload?: boolean }).__harnessBeforeReload = true;
    setTimeout(() => location.reload(), 0);
    return location.href;
  });
  const deadline = Date.now() + timeout;
  for (;;) {
    const fresh = await withTimeout(
      page
        .evaluate(() => !(window as unknown as { __harnessBeforeReload?: boolean }).__harnessBeforeReload && document.readyState === 'complete')
        .catch(() => false),
      1_000,
    );
    if (fresh) break;
    if (Date.now() > deadline) throw new Error(`reloadExtensionPage: ${href} did not reload within ${timeout} ms`);
    await sleep(100);
  }
  await waitForDocument(page, href, Math.max(1_000, deadline - Date.now()));
}

export async function launchBrowser(kind: BrowserKind, options: LaunchOptions): Promise<LaunchedBrowser> {
  const extensionDir = path.resolve(options.extensionDir ?? extensionDirFor(kind));
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    if (options.extensionDir === undefined) assertBuilt([kind]);
    throw new Error(`launchBrowser: no manifest.json in extensionDir ${extensionDir}`);
  }
  const ownsProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(os.tmpdir(), `backstory-e2e-${kind}-`)));
  const headless = options.headless ?? true;
  const viewport = options.viewport === undefined ? { ...DEFAULT_VIEWPORT } : options.viewport;
  const dumpio = process.env.E2E_DUMPIO === '1';

  let browser!: Browser;
  let extensionId = '';
  let extensionOrigin = '';

  const start = async (): Promise<void> => {
    if (kind === 'chromium') {
      browser = await puppeteer.launch({
        browser: 'chrome',
        executablePath: executablePathFor('chromium'),
        headless,
        pipe: true,
        enableExtensions: true,
        acceptInsecureCerts: true,
        userDataDir,
        defaultViewport: viewport,
        dumpio,
        args: [...chromiumArgs(options.fakeInternetPort), ...(options.args ?? [])],
      });
      try {
        extensionId = await browser.installExtension(extensionDir);
        extensionOrigin = `chrome-extension://${extensionId}`;
        await browser
          .waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`${extensionOrigin}/`), { timeout: 15_000 })
          .catch((err: Error) => {
            throw new Error(`the extension's service worker (${extensionOrigin}) did not start within 15 s; is the build broken? (${err.message})`);
          });
      } catch (err) {
        await closeBrowser(browser);
        throw err;
      }
    } else {
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: executablePathFor('firefox'),
        headless,
        acceptInsecureCerts: true,
        userDataDir,
        defaultViewport: viewport,
        dumpio,
        args: ['--remote-allow-system-access', `--width=${DEFAULT_VIEWPORT.width}`, `--height=${DEFAULT_VIEWPORT.height + 100}`, ...(options.args ?? [])],
        extraPrefsFirefox: { ...firefoxPrefs(options.fakeInternetPort), ...options.firefoxPrefs },
        // Release builds ignore services.settings.server unless this is set.
        env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      });
      try {
        extensionId = await browser.installExtension(extensionDir);
        extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
      } catch (err) {
        await closeBrowser(browser);
        throw err;
      }
    }
  };

  try {
    await start();
  } catch (err) {
    if (ownsProfile) await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
    throw err;
  }

  const hrefOf = async (page: Page): Promise<string> => {
    const reported = page.url();
    if (reported.startsWith(`${extensionOrigin}/`)) return reported;
    // Firefox reports some extension tabs as about:blank; the document knows better.
    return (await withTimeout(page.evaluate(() => location.href).catch(() => ''), 1_500)) ?? '';
  };

  const handle: LaunchedBrowser = {
    kind,
    get browser() {
      return browser;
    },
    get extensionOrigin() {
      return extensionOrigin;
    },
    get extensionId() {
      return extensionId;
    },
    userDataDir,
    newPage: () => browser.newPage(),
    async openExtensionPage(pathAndQuery, { timeout = 15_000 } = {}) {
      const url = `${extensionOrigin}${pathAndQuery.startsWith('/') ? '' : '/'}${pathAndQuery}`;
      const page = await browser.newPage();
      if (kind === 'chromium') {
        await page.goto(url, { waitUntil: 'load', timeout });
        return page;
      }
      // Firefox: the navigation happens, but BiDi reports neither its load event nor its URL for
      // moz-extension documents, so goto() would time out. Start it, then ask the document itself.
      let refusal: Error | undefined;
      await page.goto(url, { waitUntil: 'load', timeout: 500 }).catch((err: Error) => {
        if (!/timeout/i.test(err.message)) refusal = err;
      });
      try {
        await waitForDocument(page, url, timeout);
      } catch (err) {
        await page.close().catch(() => {});
        throw new Error(
          `openExtensionPage(${url}) failed: ${(refusal ?? (err as Error)).message}. Firefox's WebDriver BiDi navigates to ` +
            'moz-extension:// URLs only when started with --remote-allow-system-access (launchBrowser passes it); if this Firefox ' +
            'refuses anyway, let the extension open the page itself (tabs.create) and use findExtensionPage(pathIncludes).',
        );
      }
      return page;
    },
    async findExtensionPage(pathIncludes, { timeout = 10_000 } = {}) {
      const deadline = Date.now() + timeout;
      const seen = new Set<string>();
      for (;;) {
        for (const page of await browser.pages()) {
          const href = await hrefOf(page);
          seen.add(href || page.url());
          if (href.startsWith(`${extensionOrigin}/`) && href.includes(pathIncludes)) return page;
        }
        if (Date.now() > deadline) {
          throw new Error(`findExtensionPage: no page of ${extensionOrigin} containing "${pathIncludes}" within ${timeout} ms; open pages: ${[...seen].join(', ') || 'none'}`);
        }
        await sleep(200);
      }
    },
    async serviceWorkerTarget({ timeout = 15_000 } = {}) {
      if (kind !== 'chromium') throw new Error('serviceWorkerTarget: Chromium only (Firefox runs the MV3 background as an event page)');
      return browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`${extensionOrigin}/`), { timeout });
    },
    async restart() {
      await closeBrowser(browser);
      await start();
    },
    async close() {
      await closeBrowser(browser);
      if (ownsProfile) await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
    },
  };
  return handle;
}
