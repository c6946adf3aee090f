import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PanelApp } from '../../../components/panel/PanelApp';
import { createPanelStore } from '../../../components/panel/panel-store';
import { shieldLevel } from '../../../components/panel/shield-level';
import { spoilerShield } from '../../../lib/settings';
import { loadPack } from '../../../lib/sources/pack';

vi.mock('../../../lib/messaging', () => ({ sendMessage: vi.fn() }));

const somos = loadPack().find((entry) => entry.key === 'pack:somos')!;
const sighting = { site: 'netflix' as const, surface: 'detail' as const, siteId: '80990017', title: 'Somos.', year: 2021 };
const event = somos.events[0]!;
const toll = event.figures![0]!;

function renderApp() {
  const store = createPanelStore();
  store.update({ view: { sighting, context: somos, saved: false, storage: 'ok', anchor: { element: document.body, placement: 'after' } } });
  const view = render(<PanelApp store={store} />);
  const root = () => view.container.querySelector<HTMLElement>('[data-backstory="panel"]');
  return { store, root, text: () => root()?.textContent ?? '' };
}

async function shown(app: ReturnType<typeof renderApp>): Promise<HTMLElement> {
  await waitFor(() => expect(app.root()).not.toBeNull());
  return app.root()!;
}

describe('the spoiler shield in the panel', () => {
  it('off: the events, the disputed toll, the timeline and the reviews are all there', async () => {
    const app = renderApp();
    const root = await shown(app);
    expect(root.dataset.shield).toBe('off');
    expect(app.text()).toContain(event.summary!);
    expect(root.querySelector('[data-figure]')).not.toBeNull();
    expect(root.querySelector('[data-timeline]')).not.toBeNull();
    expect(root.querySelector('[data-section="reviews"]')).not.toBeNull();
    expect(root.querySelector('[data-action="reveal"]')).toBeNull();
  });

  it('outcomes: what happened to real people is not in the DOM at all; the source, place and dates are', async () => {
    await spoilerShield.setValue('outcomes');
    const app = renderApp();
    const root = await shown(app);
    expect(root.dataset.shield).toBe('outcomes');
    // Not hidden with CSS: absent, so neither a screen reader nor a search can find it.
    expect(app.text()).not.toContain(event.summary!);
    expect(app.text()).not.toContain(toll.summary);
    expect(app.text()).not.toContain('26–300');
    for (const claim of toll.claims) expect(app.text()).not.toContain(claim.who);
    expect(root.querySelector('[data-figure], [data-timeline], .claims')).toBeNull();
    // What may show: the source work with its summary, the event's name, dates and place, the reviews.
    expect(root.querySelector('[data-section="source"]')!.textContent).toContain(somos.basedOn[0]!.summary!);
    const events = root.querySelector('[data-section="events"]')!;
    expect(events.textContent).toContain(event.name);
    expect(events.textContent).toContain('18–20 March 2011');
    expect(events.textContent).toContain('Allende, Coahuila, Mexico');
    expect(root.querySelector('[data-section="reviews"]')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Show what happened' })).toBeTruthy();
  });

  it('outcomes: "Show what happened" reveals them for this show and moves focus to them', async () => {
    await spoilerShield.setValue('outcomes');
    const app = renderApp();
    await shown(app);
    fireEvent.click(screen.getByRole('button', { name: 'Show what happened' }));
    await waitFor(() => expect(app.text()).toContain(event.summary!));
    expect(app.root()!.dataset.shield).toBe('off');
    expect(app.root()!.querySelector('[data-figure]')).not.toBeNull();
    expect(app.root()!.querySelector('[data-timeline]')).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'Show what happened' })).toBeNull();
    expect((app.root()!.getRootNode() as Document).activeElement?.id).toBe('backstory-events-heading');
  });

  it('the reveal lasts for that show on this page view, not for another show', async () => {
    await spoilerShield.setValue('outcomes');
    const app = renderApp();
    await shown(app);
    fireEvent.click(screen.getByRole('button', { name: 'Show what happened' }));
    await waitFor(() => expect(app.text()).toContain(event.summary!));
    const other = { ...somos, key: 'pack:other-show' as const, title: 'Other' };
    act(() => app.store.update({ view: { ...app.store.get().view!, context: other } }));
    await waitFor(() => expect(app.root()!.dataset.showKey).toBe('pack:other-show'));
    expect(app.text()).not.toContain(event.summary!);
    act(() => app.store.update({ view: { ...app.store.get().view!, context: somos } }));
    await waitFor(() => expect(app.text()).toContain(event.summary!));
  });

  it('source-only: only what the show is based on; events and reviews wait behind one button', async () => {
    await spoilerShield.setValue('source-only');
    const app = renderApp();
    const root = await shown(app);
    expect(root.dataset.shield).toBe('source-only');
    expect(root.querySelector('[data-section="source"]')).not.toBeNull();
    expect(root.querySelector('[data-section="events"]')).toBeNull();
    expect(root.querySelector('[data-section="reviews"]')).toBeNull();
    expect(app.text()).not.toContain(event.name);
    expect(app.text()).not.toContain('Jack Seale');
    expect(root.querySelector('[data-section="sources"]')).toBeNull();
    expect(app.text()).not.toContain('death toll');
    fireEvent.click(screen.getByRole('button', { name: 'Show what happened and the reviews' }));
    await waitFor(() => expect(root.querySelector('[data-section="reviews"]')).not.toBeNull());
    expect(app.text()).toContain(event.summary!);
    expect(app.text()).toContain('Jack Seale');
  });

  it('follows the setting live: switching the shield on hides outcomes already on screen', async () => {
    const app = renderApp();
    await shown(app);
    expect(app.text()).toContain(event.summary!);
    await act(() => spoilerShield.setValue('outcomes'));
    await waitFor(() => expect(app.text()).not.toContain(event.summary!));
    await act(() => spoilerShield.setValue('off'));
    await waitFor(() => expect(app.text()).toContain(event.summary!));
  });

  it('a stored value that is not a level shields outcomes rather than showing them', () => {
    expect(shieldLevel('source-only')).toBe('source-only');
    expect(shieldLevel('off')).toBe('off');
    expect(shieldLevel('everything')).toBe('outcomes');
    expect(shieldLevel({ level: 'off' })).toBe('outcomes');
  });
});
