/**
 * Sizes of the built bundles, raw and gzipped at level 9, per build (.output/chrome-mv3 and
 * .output/firefox-mv3). Each file is gzipped on its own, as each is loaded on its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { extensionDirFor, type BrowserKind } from '../../tests/harness/browsers';

export interface FileSize {
  /** Relative to the build directory, e.g. content-scripts/netflix.js. */
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface BundleSize {
  /** What the bundle is for: 'content script', 'panel', 'background', 'popup'. */
  bundle: string;
  files: FileSize[];
  rawBytes: number;
  gzipBytes: number;
}

export interface BuildSizes {
  build: BrowserKind;
  dir: string;
  bundles: BundleSize[];
}

/** The bundles that are one file each, always at the same path (WXT's output layout). */
const SINGLE_FILE_BUNDLES: readonly { bundle: string; file: string }[] = [
  { bundle: 'content script (always on)', file: 'content-scripts/netflix.js' },
  { bundle: 'panel (injected)', file: 'content-scripts/panel.js' },
  { bundle: 'background', file: 'background.js' },
];

export function measureBuild(build: BrowserKind): BuildSizes {
  const dir = extensionDirFor(build);
  const bundles = SINGLE_FILE_BUNDLES.map(({ bundle, file }) => bundleOf(dir, bundle, [file]));
  bundles.push(bundleOf(dir, 'popup (JS + CSS)', popupFiles(dir)));
  return { build, dir, bundles };
}

function bundleOf(dir: string, bundle: string, files: readonly string[]): BundleSize {
  const sizes = files.map((file) => sizeOf(dir, file));
  return {
    bundle,
    files: sizes,
    rawBytes: sizes.reduce((sum, s) => sum + s.rawBytes, 0),
    gzipBytes: sizes.reduce((sum, s) => sum + s.gzipBytes, 0),
  };
}

function sizeOf(dir: string, file: string): FileSize {
  const full = path.join(dir, file);
  if (!existsSync(full)) throw new Error(`bundle sizes: ${full} is missing; build first (or drop --no-build)`);
  const content = readFileSync(full);
  return { file, rawBytes: content.byteLength, gzipBytes: gzipSync(content, { level: 9 }).byteLength };
}

/**
 * The popup's files are content-hashed (chunks/popup-<hash>.js, assets/popup-<hash>.css), so they
 * are read from popup.html itself: its module script(s), modulepreloads (static imports Vite split
 * out) and stylesheets.
 */
function popupFiles(dir: string): string[] {
  const html = readFileSync(path.join(dir, 'popup.html'), 'utf8');
  const scripts = attributeValues(html, /<script\b[^>]*\bsrc="([^"]+)"/g);
  const preloads = attributeValues(html, /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g);
  const styles = attributeValues(html, /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g);
  const files = [...new Set([...scripts, ...preloads, ...styles])].map((url) => url.replace(/^\//, ''));
  if (!files.some((f) => f.startsWith('chunks/') && f.endsWith('.js'))) {
    throw new Error(`bundle sizes: no JS chunk under chunks/ found in ${path.join(dir, 'popup.html')}`);
  }
  return files;
}

function attributeValues(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].map((m) => m[1]!);
}
