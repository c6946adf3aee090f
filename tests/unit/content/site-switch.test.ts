import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followSiteSwitch, SITE_SWITCHES_KEY } from '@/lib/content/site-switch';
import { siteEnabled, siteSwitches } from '@/lib/settings';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the site switch, as the always-on script reads it', () => {
  it('reads the same storage entry as the settings (lib/settings.ts siteSwitches)', () => {
    expect(siteSwitches.key).toBe(`local:${SITE_SWITCHES_KEY}`);
  });

  it('runs a site nobody switched off', async () => {
    const onChange = vi.fn();
    followSiteSwitch('netflix', onChange);
    await settle();
    expect(onChange).toHaveBeenLastCalledWith(true);
    expect(siteEnabled({}, 'netflix')).toBe(true);
  });

  it('does not run a site switched off, and follows the switch both ways without a reload', async () => {
    await siteSwitches.setValue({ netflix: false });
    const onChange = vi.fn();
    const stop = followSiteSwitch('netflix', onChange);
    await settle();
    expect(onChange.mock.calls).toEqual([[false]]);
    await siteSwitches.setValue({ netflix: true });
    await settle();
    expect(onChange).toHaveBeenLastCalledWith(true);
    await siteSwitches.setValue({ netflix: false });
    await settle();
    expect(onChange).toHaveBeenLastCalledWith(false);
    stop();
    await siteSwitches.setValue({});
    await settle();
    expect(onChange).toHaveBeenLastCalledWith(false);
  });

  it('treats storage it cannot make sense of as on, and ignores other keys and areas', async () => {
    await fakeBrowser.storage.local.set({ [SITE_SWITCHES_KEY]: 'garbage' });
    const onChange = vi.fn();
    followSiteSwitch('netflix', onChange);
    await settle();
    expect(onChange.mock.calls).toEqual([[true]]);
    await fakeBrowser.storage.local.set({ 'settings.other': { netflix: false } });
    await fakeBrowser.storage.sync.set({ [SITE_SWITCHES_KEY]: { netflix: false } });
    await settle();
    expect(onChange.mock.calls).toEqual([[true]]);
  });

  it('leaves the site on when storage cannot be read', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('IO error'));
    const onChange = vi.fn();
    followSiteSwitch('netflix', onChange);
    await settle();
    expect(onChange.mock.calls).toEqual([[true]]);
  });
});
