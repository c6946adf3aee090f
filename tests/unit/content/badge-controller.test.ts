import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBadgeController } from '../../../lib/content/badges/badge-controller';
import type { SeenCard } from '../../../lib/content/badges/card-watcher';
import type { CardAnswer, CardStory } from '../../../lib/messaging';
import type { Sighting } from '../../../lib/model';
import { netflix } from '../../../lib/sites/netflix';
import { cardStory, SOMOS_TEASER } from '../support/card-stories';

const URL_BROWSE = new URL('https://www.netflix.com/browse');

const SOMOS_STORY: CardStory = cardStory('pack:somos', 'Somos.', SOMOS_TEASER);

function card(id: string, title: string): string {
  return `<div data-virtual-slot="0"><a data-uia="standard-card" href="/browse?jbv=${id}" aria-label="${title}"><div><img alt=""></div></a></div>`;
}

/** What the watcher would report for every card link now on the page. */
function seenCards(): SeenCard[] {
  return Array.from(document.querySelectorAll(netflix.cardElements)).flatMap((element) => {
    const read = netflix.readCard(element, URL_BROWSE);
    return read ? [{ element, card: read }] : [];
  });
}

const found = (siteId: string, title: string, story: CardStory): CardAnswer => ({ siteId, title, status: 'found', story });
const badges = () => Array.from(document.querySelectorAll('backstory-badge')) as HTMLElement[];
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('badge controller', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  function start(answer: (cards: Sighting[]) => Promise<CardAnswer[]>) {
    const resolveCards = vi.fn(answer);
    const open = vi.fn();
    const controller = createBadgeController({ doc: document, resolveCards, open });
    return { controller, resolveCards, open };
  }

  const storyFor = (cards: Sighting[]): Promise<CardAnswer[]> =>
    Promise.resolve(cards.map(({ siteId, title }) => (siteId === '80990017' ? found(siteId, title!, SOMOS_STORY) : { siteId: siteId!, title: title!, status: 'none' as const })));

  it('asks once per title in one message, and badges every card of a title with a story', async () => {
    document.body.innerHTML = `<section>${card('80990017', 'Somos.')}${card('80990042', 'The Lantern Keepers')}</section><section>${card('80990017', 'Somos.')}</section>`;
    const { controller, resolveCards } = start(storyFor);
    controller.visible(seenCards());
    await flush();
    expect(resolveCards).toHaveBeenCalledTimes(1);
    expect(resolveCards.mock.lastCall![0].map(({ siteId }) => siteId)).toEqual(['80990017', '80990042']);
    expect(badges()).toHaveLength(2);
    for (const badge of badges()) {
      expect(badge.dataset.showKey).toBe('pack:somos');
      expect(badge.dataset.siteId).toBe('80990017');
      expect(badge.parentElement?.matches('[data-virtual-slot]')).toBe(true);
    }
    // Seen again (scrolled back): known answers, no new message, no duplicate badge.
    controller.visible(seenCards());
    await flush();
    expect(resolveCards).toHaveBeenCalledTimes(1);
    expect(badges()).toHaveLength(2);
  });

  it('knows the titles found to have a story, by ID and by card, for the watcher to badge their cards as the page adds them', async () => {
    document.body.innerHTML = card('80990017', 'Somos.') + card('80990042', 'The Lantern Keepers');
    const { controller } = start(storyFor);
    expect(controller.known.ids()).toEqual([]);
    controller.visible(seenCards());
    await flush();
    // Somos. found, The Lantern Keepers found to have none.
    expect(controller.known.ids()).toEqual(['80990017']);
    const [somos, lantern] = seenCards();
    expect(controller.known.has(somos!.card)).toBe(true);
    expect(controller.known.has(lantern!.card)).toBe(false);
    // The known ID under another title is another question: not known.
    document.body.innerHTML = card('80990017', 'Somos: The Making Of');
    expect(controller.known.has(seenCards()[0]!.card)).toBe(false);
    // Found again (another card of it): listed once.
    controller.receive([found('80990017', 'Somos.', SOMOS_STORY)]);
    expect(controller.known.ids()).toEqual(['80990017']);
  });

  it('splits a screenful of many unknown titles into messages of at most 50', async () => {
    document.body.innerHTML = Array.from({ length: 120 }, (_, i) => card(String(81000000 + i), `Invented ${i}`)).join('');
    const { controller, resolveCards } = start(storyFor);
    controller.visible(seenCards());
    await flush();
    expect(resolveCards.mock.calls.map(([cards]) => cards.length)).toEqual([50, 50, 20]);
  });

  it('badges a card when its queued lookup answers later', async () => {
    document.body.innerHTML = card('80990055', 'Paper Harbor');
    const { controller, resolveCards } = start(async (cards) => cards.map(({ siteId, title }) => ({ siteId: siteId!, title: title!, status: 'pending' as const })));
    controller.visible(seenCards());
    await flush();
    expect(badges()).toHaveLength(0);
    controller.visible(seenCards());
    await flush();
    expect(resolveCards).toHaveBeenCalledTimes(1);
    controller.receive([found('80990055', 'Paper Harbor', cardStory('wd:Q990000001', 'Paper Harbor', 'Events of 1998'))]);
    expect(badges().map((badge) => badge.dataset.showKey)).toEqual(['wd:Q990000001']);
  });

  it('asks again about a title whose lookup failed or whose message did not go through', async () => {
    document.body.innerHTML = card('80990055', 'Paper Harbor');
    let attempt = 0;
    const { controller, resolveCards } = start(async (cards) => {
      attempt += 1;
      if (attempt === 1) throw new Error('background asleep');
      return cards.map(({ siteId, title }) => ({ siteId: siteId!, title: title!, status: 'unknown' as const }));
    });
    controller.visible(seenCards());
    await flush();
    controller.visible(seenCards());
    await flush();
    controller.visible(seenCards());
    await flush();
    expect(resolveCards).toHaveBeenCalledTimes(3);
  });

  it('takes the badge away when its card leaves or shows another title', async () => {
    document.body.innerHTML = card('80990017', 'Somos.');
    const { controller } = start(storyFor);
    controller.visible(seenCards());
    await flush();
    expect(badges()).toHaveLength(1);

    const link = document.querySelector('a')!;
    link.setAttribute('href', '/browse?jbv=80990042');
    link.setAttribute('aria-label', 'The Lantern Keepers');
    controller.gone(link);
    expect(badges()).toHaveLength(0);
    controller.visible(seenCards());
    await flush();
    expect(badges()).toHaveLength(0);

    link.setAttribute('href', '/browse?jbv=80990017');
    link.setAttribute('aria-label', 'Somos.');
    controller.visible(seenCards());
    expect(badges()).toHaveLength(1);
    // A slot whose link is replaced by another title's without the old one being reported gone.
    const slot = link.parentElement!;
    link.remove();
    slot.insertAdjacentHTML('afterbegin', `<a data-uia="standard-card" href="/browse?jbv=80990042" aria-label="The Lantern Keepers"></a>`);
    controller.visible(seenCards());
    await flush();
    expect(badges()).toHaveLength(0);
  });

  it('opens the story on click without the page seeing the click, the keys or the hover', async () => {
    document.body.innerHTML = card('80990017', 'Somos.');
    const pageHeard = vi.fn();
    for (const type of ['click', 'mousedown', 'pointerdown', 'keydown', 'mouseover', 'focusin']) document.addEventListener(type, pageHeard);
    const { controller, open } = start(storyFor);
    controller.visible(seenCards());
    await flush();
    const button = badges()[0]!.shadowRoot!.querySelector('button')!;
    for (const type of ['mousedown', 'pointerdown', 'mouseover']) button.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    button.focus();
    button.click();
    expect(open).toHaveBeenCalledTimes(1);
    expect(open.mock.lastCall![0]).toMatchObject({ surface: 'card', siteId: '80990017', title: 'Somos.' });
    expect(pageHeard).not.toHaveBeenCalled();
  });

  it('says what the story is in the teaser, as text', async () => {
    document.body.innerHTML = card('80990017', 'Somos.');
    const hostile: CardStory = { ...cardStory('wd:Q1', '<img src=x onerror=alert(1)>', 'Events of 1999 · inspired by “<b>Bold</b>” (Someone)'), button: '<i>Real</i> story' };
    const { controller } = start(async (cards) => cards.map(({ siteId, title }) => found(siteId!, title!, hostile)));
    controller.visible(seenCards());
    await flush();
    const root = badges()[0]!.shadowRoot!;
    const button = root.querySelector('button')!;
    expect(button.textContent).toBe('<i>Real</i> story');
    expect(button.getAttribute('aria-label')).toBe('Real story: <img src=x onerror=alert(1)>');
    const teaser = root.getElementById(button.getAttribute('aria-describedby')!)!;
    expect(teaser.getAttribute('role')).toBe('tooltip');
    expect(teaser.textContent).toBe('Events of 1999 · inspired by “<b>Bold</b>” (Someone)');
    expect(root.querySelector('img, b, i')).toBeNull();
  });

  it('writes the reference teaser for Somos.', async () => {
    document.body.innerHTML = card('80990017', 'Somos.');
    const { controller } = start(storyFor);
    controller.visible(seenCards());
    await flush();
    const teaser = badges()[0]!.shadowRoot!.querySelector('[role="tooltip"]')!;
    expect(teaser.textContent).toBe(SOMOS_TEASER);
  });

  it('stops: every badge leaves the page and later answers change nothing', async () => {
    document.body.innerHTML = card('80990017', 'Somos.') + card('80990055', 'Paper Harbor');
    const { controller } = start(async (cards) =>
      cards.map(({ siteId, title }) => (siteId === '80990017' ? found(siteId, title!, SOMOS_STORY) : { siteId: siteId!, title: title!, status: 'pending' as const })),
    );
    controller.visible(seenCards());
    await flush();
    expect(badges()).toHaveLength(1);
    controller.stop();
    expect(badges()).toHaveLength(0);
    controller.receive([found('80990055', 'Paper Harbor', cardStory('wd:Q990000001', 'Paper Harbor'))]);
    controller.visible(seenCards());
    expect(badges()).toHaveLength(0);
  });

  it('asks about the hover preview apart from its card, and badges the preview\'s player', async () => {
    document.body.innerHTML =
      card('80990017', 'Somos.') +
      `<div class="previewModal--wrapper mini-modal"><div role="dialog" data-uia="modal-motion-container-MINI_MODAL" class="previewModal--container mini-modal">
        <div data-uia="previewModal--player_container"><img class="previewModal--boxart" alt="Somos."></div>
        <a data-uia="play-button" href="/watch/80990101?tctx=0%2C0%2C%2C%2C%2C%2C%2C%2CVideo%3A80990017%2CdetailsPagePlayButton">Play</a>
        <div class="videoMetadata--container" data-uia="videoMetadata--container"><span class="duration">Limited Series</span></div>
        <a href="/title/80990017?dpRightClick=1">More</a></div></div>`;
    // The background: a bare card is too little to go on; the preview, with its kind, is enough.
    const { controller, resolveCards } = start(async (cards) =>
      cards.map((sighting) =>
        sighting.surface === 'mini'
          ? { siteId: sighting.siteId!, title: sighting.title!, surface: 'mini' as const, status: 'found' as const, story: SOMOS_STORY }
          : { siteId: sighting.siteId!, title: sighting.title!, status: 'none' as const },
      ),
    );
    controller.visible(seenCards());
    await flush();
    expect(resolveCards.mock.calls.flatMap(([cards]) => cards.map(({ surface }) => surface))).toEqual(['card', 'mini']);
    expect(badges()).toHaveLength(1);
    expect(badges()[0]!.parentElement?.matches('[data-uia="previewModal--player_container"]')).toBe(true);
    expect(document.querySelector('[data-virtual-slot] backstory-badge')).toBeNull();
  });
});
