import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'wxt';
import { supportedMatchPatterns } from './lib/sites/registry';
import { LIVE_SOURCE_MATCH_PATTERNS } from './lib/sources/http/hosts';
import { browserMessages, LOCALES } from './lib/i18n/locale-files';
import { readLocales } from './lib/i18n/read-locales';

const PACK_DIR = 'assets/pack';

/** A pack entry that breaks its schema fails the build (and the tests), never the user. */
async function assertPackIsValid(): Promise<void> {
  const { validatePackFiles } = await import('./lib/sources/pack');
  const files = Object.fromEntries(
    readdirSync(PACK_DIR)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [join(PACK_DIR, name), JSON.parse(readFileSync(join(PACK_DIR, name), 'utf8')) as unknown]),
  );
  const { problems } = validatePackFiles(files);
  if (problems.length > 0) {
    const report = problems.map(({ file, issues }) => `${file}:\n  - ${issues.join('\n  - ')}`).join('\n');
    throw new Error(`The curated pack has invalid entries:\n${report}`);
  }
}

/** The per-area text files become the browser's `_locales`; a missing or mismatched translation fails the build. */
function localeFiles(): { relativeDest: string; contents: string }[] {
  const { texts, problems } = readLocales();
  if (problems.length > 0) throw new Error(`The translations have problems:\n  - ${problems.join('\n  - ')}`);
  return LOCALES.map((locale) => ({ relativeDest: `_locales/${locale}/messages.json`, contents: JSON.stringify(browserMessages(texts[locale]), null, 1) }));
}

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Firefox gets MV3 too: one manifest shape, the scripting API and host permissions in both.
  manifestVersion: 3,
  publicDir: 'assets/public',
  hooks: {
    'build:before': assertPackIsValid,
    'build:publicAssets': (_wxt, files) => {
      files.push(...localeFiles());
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    permissions: ['storage', 'scripting'],
    // Alt+Shift+R ("Real story"): Chrome keeps Alt+Shift+B, T, A and I for itself, Firefox uses
    // Ctrl+Shift and Ctrl+Alt combinations; viewers can change it on either browser's shortcuts page.
    commands: {
      'toggle-panel': { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_panel_command_toggle__' },
    },
    // The streaming sites we read, and the three keyless sources live lookups ask (background only).
    host_permissions: [...supportedMatchPatterns(), ...LIVE_SOURCE_MATCH_PATTERNS],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        // 140 / 142: the first versions that read data_collection_permissions (we collect nothing).
        gecko: {
          id: 'backstory@backstory.invalid',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
