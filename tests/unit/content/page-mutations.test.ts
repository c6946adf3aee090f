import { afterEach, describe, expect, it, vi } from 'vitest';
import { observePageMutations, type MutationListener } from '../../../lib/content/page-mutations';

// Mutation callbacks are microtasks: one timer turn delivers them.
const delivered = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('page mutations', () => {
  const removers: (() => void)[] = [];
  afterEach(() => {
    removers.splice(0).forEach((remove) => remove());
    document.body.innerHTML = '';
  });

  function listen(mutations: ReturnType<typeof observePageMutations>) {
    const listener = vi.fn<MutationListener>();
    removers.push(mutations.subscribe(listener));
    return listener;
  }

  it('hands every listener the same batch: one observer for the page, however many watch it', async () => {
    const mutations = observePageMutations(document);
    const focus = listen(mutations);
    const cards = listen(mutations);
    document.body.append(document.createElement('section'), document.createElement('section'));
    await delivered();
    expect(focus).toHaveBeenCalledTimes(1);
    expect(cards).toHaveBeenCalledTimes(1);
    expect(cards.mock.lastCall![0]).toBe(focus.mock.lastCall![0]);
    expect(focus.mock.lastCall![0].flatMap((record) => Array.from(record.addedNodes))).toHaveLength(2);
  });

  it("reports a card's identity attributes changing, not its other attributes", async () => {
    document.body.innerHTML = '<a href="/browse?jbv=80990017" aria-label="Somos.">x</a>';
    const listener = listen(observePageMutations(document));
    const card = document.querySelector('a')!;
    card.className = 'hovered';
    card.dataset.state = 'open';
    await delivered();
    expect(listener).not.toHaveBeenCalled();
    card.setAttribute('aria-label', 'The Lantern Keepers');
    card.setAttribute('href', '/browse?jbv=80990042');
    await delivered();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.lastCall![0].map((record) => record.attributeName)).toEqual(['aria-label', 'href']);
  });

  it('hands the listeners what this task changed at once when asked, and then not again', async () => {
    const mutations = observePageMutations(document);
    const listener = listen(mutations);
    document.body.append(document.createElement('backstory-badge'));
    mutations.deliverNow();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.lastCall![0][0]!.addedNodes[0]!.nodeName).toBe('BACKSTORY-BADGE');
    await delivered();
    expect(listener).toHaveBeenCalledTimes(1);
    // Nothing changed since: nothing to hand.
    mutations.deliverNow();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('stops observing when the last listener leaves, and observes again for a new one', async () => {
    const mutations = observePageMutations(document);
    const first = vi.fn<MutationListener>();
    const second = vi.fn<MutationListener>();
    const removeFirst = mutations.subscribe(first);
    const removeSecond = mutations.subscribe(second);
    removeFirst();
    document.body.append(document.createElement('div'));
    await delivered();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    removeSecond();
    document.body.append(document.createElement('div'));
    await delivered();
    expect(second).toHaveBeenCalledTimes(1);
    const third = listen(mutations);
    document.body.append(document.createElement('div'));
    await delivered();
    expect(third).toHaveBeenCalledTimes(1);
    expect(third.mock.lastCall![0]).toHaveLength(1);
  });
});
