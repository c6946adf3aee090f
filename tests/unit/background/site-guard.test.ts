import { describe, expect, it, vi } from 'vitest';
import { skipSwitchedOffSites } from '@/lib/background/site-guard';
import { siteSwitches } from '@/lib/settings';

const card = { site: 'netflix' as const, surface: 'card' as const, siteId: '80990017', title: 'Somos.' };

describe('lookups for a switched-off site', () => {
  it('are not made while the site is off, and are again once it is on', async () => {
    const resolve = vi.fn(async () => ({ status: 'none' as const }));
    const guarded = skipSwitchedOffSites(resolve);
    await siteSwitches.setValue({ netflix: false });
    expect(await guarded(card)).toEqual({ status: 'none' });
    expect(resolve).not.toHaveBeenCalled();
    await siteSwitches.setValue({ netflix: true });
    await guarded(card);
    expect(resolve).toHaveBeenCalledWith(card);
  });

  it('runs a site nobody switched off', async () => {
    const resolve = vi.fn(async () => ({ status: 'none' as const }));
    await skipSwitchedOffSites(resolve)(card);
    expect(resolve).toHaveBeenCalledTimes(1);
  });
});
