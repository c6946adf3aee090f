import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'wxt';
import { supportedMatchPatterns } from './lib/sites/registry';
import { LIVE_SOURCE_MATCH_PATTERNS } from './lib/sources/http/hosts';

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

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Firefox gets MV3 too: one manifest shape, the scripting API and host permissions in both.
  manifestVersion: 3,
  publicDir: 'assets/public',
  hooks: {
    'build:before': assertPackIsValid,
  },
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description: 'The real story behind the show you are looking at on Netflix: the journalism, the events, the reviews.',
    permissions: ['storage', 'scripting'],
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
