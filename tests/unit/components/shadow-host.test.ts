import { describe, expect, it, vi } from 'vitest';
import { createShadowHost, PANEL_HOST_TAG, placeHost } from '../../../lib/panel/shadow-host';

describe('panel shadow host', () => {
  it('is a backstory-panel element with an open shadow root holding the styles and the mount point', () => {
    const { host, mountPoint } = createShadowHost(document, '.panel{color:red}');
    expect(host.tagName.toLowerCase()).toBe(PANEL_HOST_TAG);
    expect(host.shadowRoot!.querySelector('style')!.textContent).toBe('.panel{color:red}');
    expect(host.shadowRoot!.contains(mountPoint)).toBe(true);
  });

  it('keeps keys and clicks inside the panel from reaching the page (player shortcuts, modal close)', () => {
    const { host, mountPoint } = createShadowHost(document, '');
    document.body.append(host);
    const pageHeard = vi.fn();
    document.addEventListener('keydown', pageHeard);
    document.addEventListener('click', pageHeard);
    const button = document.createElement('button');
    mountPoint.append(button);
    button.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(pageHeard).not.toHaveBeenCalled();
    document.removeEventListener('keydown', pageHeard);
    document.removeEventListener('click', pageHeard);
    host.remove();
  });

  it('goes where the anchor says, and stays put when already there', () => {
    document.body.innerHTML = '<div id="modal"><div id="meta"></div><div id="more"></div></div>';
    const { host } = createShadowHost(document, '');
    const meta = document.getElementById('meta')!;
    placeHost(host, { element: meta, placement: 'after' });
    expect(meta.nextElementSibling).toBe(host);
    expect(host.dataset.placement).toBe('after');
    const observer = vi.fn();
    const mutations = new MutationObserver(observer);
    mutations.observe(document.body, { childList: true, subtree: true });
    placeHost(host, { element: meta, placement: 'after' });
    expect(mutations.takeRecords()).toEqual([]);
    placeHost(host, { element: document.body, placement: 'overlay' });
    expect(host.parentElement).toBe(document.body);
    expect(host.dataset.placement).toBe('overlay');
    mutations.disconnect();
  });
});
