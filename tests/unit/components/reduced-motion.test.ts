import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BADGE_HOST_TAG, createBadge } from '@/lib/content/badges/badge-element';
import { cardStory } from '../support/card-stories';

/** Every animation or transition declared in a style sheet, with whether it sits inside a no-preference block. */
function motions(css: string): { declaration: string; guarded: boolean }[] {
  const found: { declaration: string; guarded: boolean }[] = [];
  let depth = 0;
  let guardDepth: number | null = null;
  for (const token of css.replace(/\/\*[\s\S]*?\*\//g, '').match(/@media[^{]*\{|[^{};]+\{|\}|[^{};]+(?:;|(?=\}))/g) ?? []) {
    if (token.endsWith('{')) {
      depth += 1;
      if (/@media[^{]*prefers-reduced-motion:\s*no-preference/.test(token)) guardDepth = depth;
    } else if (token === '}') {
      if (guardDepth === depth) guardDepth = null;
      depth -= 1;
    } else if (/^\s*(animation|transition)[\w-]*\s*:/.test(token) && !/:\s*none\s*;?$/.test(token)) {
      found.push({ declaration: token.trim(), guarded: guardDepth !== null });
    }
  }
  return found;
}

describe('reduced motion', () => {
  it('the panel moves only for viewers who did not ask for less motion', () => {
    const found = motions(readFileSync('components/panel/panel.css', 'utf8'));
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((motion) => !motion.guarded)).toEqual([]);
  });

  it('the badge does not move at all', () => {
    const badge = createBadge(document, '80990017', cardStory('pack:somos', 'Somos.'), () => {});
    expect(badge.element.localName).toBe(BADGE_HOST_TAG);
    const css = [...badge.element.shadowRoot!.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n') + (badge.element.shadowRoot!.querySelector('style')?.textContent ?? '');
    expect(css).toContain('button');
    expect(motions(css)).toEqual([]);
  });

  it('the check itself catches an unguarded animation', () => {
    expect(motions('.c{color:red;animation:x 1s}')).toEqual([{ declaration: 'animation:x 1s', guarded: false }]);
    expect(motions('.a { animation: spin 1s; } @media (prefers-reduced-motion: no-preference) { .b { transition: opacity 1s; } }')).toEqual([
      { declaration: 'animation: spin 1s;', guarded: false },
      { declaration: 'transition: opacity 1s;', guarded: true },
    ]);
  });
});
