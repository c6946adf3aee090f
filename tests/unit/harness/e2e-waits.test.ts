import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * puppeteer's waitForFunction polls on requestAnimationFrame unless told otherwise, and a tab behind
 * another (the first of two popups, a Netflix tab under its popup) gets no frames: the wait then sees
 * only its first check. CI failed on exactly that once, so every wait in the end-to-end tests polls on
 * a timer.
 */
function waitsWithoutPolling(source: string): string[] {
  const found: string[] = [];
  let from = 0;
  for (;;) {
    const at = source.indexOf('waitForFunction(', from);
    if (at < 0) return found;
    let depth = 0;
    let end = at + 'waitForFunction'.length;
    for (; end < source.length; end++) {
      if (source[end] === '(') depth += 1;
      else if (source[end] === ')' && --depth === 0) break;
    }
    const call = source.slice(at, end + 1);
    if (!/\bpolling:/.test(call)) found.push(`line ${source.slice(0, at).split('\n').length}: ${call.split('\n')[0]}`);
    from = end + 1;
  }
}

function typeScriptFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('end-to-end waits', () => {
  it('every waitForFunction in the browser tests and their harness polls on a timer', () => {
    const files = [...typeScriptFiles('tests/e2e'), ...typeScriptFiles('tests/harness'), ...typeScriptFiles('scripts')];
    const offenders = files.flatMap((file) => waitsWithoutPolling(readFileSync(file, 'utf8')).map((where) => `${file} ${where}`));
    expect(files.length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it('the check itself finds a wait left on animation frames', () => {
    const source = "await page.waitForFunction(() => f(g(1)), { timeout: 5 });\nawait page.waitForFunction(() => true, { timeout: 5, polling: 100 });";
    expect(waitsWithoutPolling(source)).toEqual(['line 1: waitForFunction(() => f(g(1)), { timeout: 5 })']);
  });
});
