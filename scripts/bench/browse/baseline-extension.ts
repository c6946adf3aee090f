/**
 * The baseline browser: the same launch as the measured one (tests/harness/browsers.ts: same flags,
 * same fake internet, extensions enabled) with an inert extension in Backstory's place, because
 * launchBrowser always installs one. The inert extension has no content script, no host
 * permission and an empty background (a service worker in Chromium, a script in Firefox, which
 * has no extension service workers): nothing of it reaches the page.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserKind } from '../../../tests/harness/browsers';

export interface InertExtension {
  dir: string;
  remove(): Promise<void>;
}

export async function makeInertExtension(kind: BrowserKind): Promise<InertExtension> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'backstory-bench-inert-'));
  const manifest = {
    manifest_version: 3,
    name: 'Inert (Backstory bench baseline)',
    version: '1.0',
    description: 'No content script, no permission: stands in for Backstory in the baseline browser.',
    ...(kind === 'chromium'
      ? { background: { service_worker: 'background.js' } }
      : { background: { scripts: ['background.js'] }, browser_specific_settings: { gecko: { id: 'inert-baseline@backstory.invalid' } } }),
  };
  await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(path.join(dir, 'background.js'), '// Intentionally empty.\n');
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
