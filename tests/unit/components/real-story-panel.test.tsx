import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RealStoryPanel, type RealStoryPanelProps } from '../../../components/panel/RealStoryPanel';
import { t } from '@/lib/i18n/t';
import { loadPack } from '../../../lib/sources/pack';
import { contextFixture } from '../support/contexts';

const somos = loadPack().find((entry) => entry.key === 'pack:somos')!;

function renderPanel(overrides: Partial<RealStoryPanelProps> = {}) {
  const props: RealStoryPanelProps = {
    context: somos,
    saved: false,
    saving: false,
    storage: 'ok',
    collapsed: false,
    onToggleSaved: vi.fn(),
    onClose: vi.fn(),
    onCollapse: vi.fn(),
    onExpand: vi.fn(),
    onOpenWatchlist: vi.fn(),
    ...overrides,
  };
  const view = render(<RealStoryPanel {...props} />);
  const root = view.container.querySelector<HTMLElement>('[data-backstory="panel"]')!;
  return { props, root, section: (name: string) => root.querySelector<HTMLElement>(`[data-section="${name}"]`)! };
}

describe('RealStoryPanel with the Somos. entry', () => {
  it('names itself by the contract: panel root, show key, three sections, save toggle', () => {
    const { root, section } = renderPanel();
    expect(root.dataset.showKey).toBe('pack:somos');
    for (const name of ['source', 'events', 'reviews']) expect(section(name)).not.toBeNull();
    expect(root.querySelector('[data-action="watchlist"]')!.getAttribute('aria-pressed')).toBe('false');
  });

  it('says what it is based on: title, author, outlet, date, summary, link, and the podcast it became', () => {
    const source = within(renderPanel().section('source'));
    const link = source.getByRole('link', { name: '“How the U.S. Triggered a Massacre in Mexico”' });
    expect(link.getAttribute('href')).toBe('https://www.propublica.org/article/allende-zetas-cartel-massacre-and-the-us-dea');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(source.getByText('by Ginger Thompson · ProPublica with National Geographic · June 2017')).toBeTruthy();
    expect(source.getByText(/oral history/)).toBeTruthy();
    expect(source.getByText('The Making of a Massacre')).toBeTruthy();
    expect(source.getByText(/Audible podcast, 2018/)).toBeTruthy();
  });

  it('says what really happened, with the disputed toll as a range and who says what', () => {
    const events = renderPanel().section('events');
    expect(events.textContent).toContain('18–20 March 2011');
    expect(events.textContent).toContain('Allende, Coahuila, Mexico (28.35° N, 100.85° W)');
    expect(events.querySelector('.figure-range')!.textContent).toBe('26–300');
    const claims = events.querySelectorAll('.claims li');
    expect(claims.length).toBeGreaterThanOrEqual(5);
    for (const claim of claims) expect(claim.querySelector('a')!.getAttribute('href')).toMatch(/^https:\/\//);
    const years = [...events.querySelectorAll('[data-timeline] time')].map((time) => time.textContent!.slice(-4));
    expect(years).toEqual(['2011', '2017', '2018', '2021']);
  });

  it('quotes Jack Seale in The Guardian, linked to the review, and links at least one more review', () => {
    const reviews = renderPanel().section('reviews');
    const guardian = reviews.querySelector('[data-review="The Guardian"]')!;
    expect(guardian.textContent).toContain('Jack Seale');
    // The byline is not on the review page itself: the panel names where the attribution comes from.
    expect(guardian.querySelector('.cited-by a')!.getAttribute('href')).toBe('https://www.purewow.com/entertainment/somos-netflix-top-ten');
    expect(guardian.querySelector('blockquote')!.textContent).toContain('not only about what happened, but who it happened to');
    expect(guardian.querySelector('a')!.getAttribute('href')).toBe(
      'https://www.theguardian.com/tv-and-radio/2021/jun/30/somos-review-the-show-that-flips-the-script-on-brutal-cartel-epics',
    );
    const others = [...reviews.querySelectorAll('[data-review]')].filter((review) => review !== guardian);
    expect(others.length).toBeGreaterThanOrEqual(1);
    expect(others.every((review) => review.querySelector('a[href^="https://"]'))).toBe(true);
  });

  it('lists its sources, each with a name and a link', () => {
    const sources = renderPanel().section('sources');
    const links = sources.querySelectorAll('a');
    expect(links.length).toBe(somos.sources.length);
    expect([...links].map((link) => link.textContent)).toContain('ProPublica: How the U.S. Triggered a Massacre in Mexico');
  });

  it('closes on Esc and on its close button; collapses to a slim tab', () => {
    const { props, root } = renderPanel();
    fireEvent.keyDown(root, { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Close the real story panel' }));
    expect(props.onClose).toHaveBeenCalledTimes(2);
    fireEvent.click(screen.getByRole('button', { name: 'Collapse the real story panel' }));
    expect(props.onCollapse).toHaveBeenCalledOnce();
  });

  it('collapsed, shows only the tab that expands it, still under the contract names', () => {
    const { props, root } = renderPanel({ collapsed: true });
    expect(root.dataset.showKey).toBe('pack:somos');
    expect(root.querySelector('[data-section="source"]')).toBeNull();
    fireEvent.click(root.querySelector('[data-action="expand"]')!);
    expect(props.onExpand).toHaveBeenCalledOnce();
  });

  it('when storage is unavailable, still tells the story but disables saving and says why', () => {
    const { root, section } = renderPanel({ storage: 'unavailable' });
    expect(section('source')).not.toBeNull();
    expect((root.querySelector('[data-action="watchlist"]') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe(t('panel_storage_off'));
  });

  it('renders text from data as text, never as markup', () => {
    const hostile = contextFixture({ tagline: '<img src=x onerror="window.pwned=1">', title: '<b>Bold</b>' });
    const { root } = renderPanel({ context: hostile });
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror="window.pwned=1">');
  });
});

describe('RealStoryPanel with a live context', () => {
  it('shows review scores with their links and the licence of Wikipedia text', () => {
    const live = contextFixture({
      key: 'wd:Q990000001',
      scores: [
        { by: 'Rotten Tomatoes', value: '91%', url: 'https://www.rottentomatoes.com/m/paper_harbor' },
        { by: 'Metacritic', value: '74/100' },
      ],
      sources: [
        { name: 'Example', url: 'https://example.org/book' },
        { name: 'Wikipedia: Paper Harbor', url: 'https://en.wikipedia.org/wiki/Paper_Harbor', license: 'CC BY-SA 4.0' },
      ],
    });
    const { section } = renderPanel({ context: live });
    const reviews = section('reviews');
    expect(reviews.querySelector('[data-score="Rotten Tomatoes"]')!.textContent).toBe('Rotten Tomatoes 91%');
    expect(reviews.querySelector('[data-score="Rotten Tomatoes"] a')!.getAttribute('href')).toBe('https://www.rottentomatoes.com/m/paper_harbor');
    expect(reviews.querySelector('[data-score="Metacritic"]')!.textContent).toContain('74/100');
    expect(section('sources').textContent).toContain('Wikipedia: Paper Harbor · CC BY-SA 4.0');
  });
});

describe('RealStoryPanel: based on or inspired by', () => {
  it('says "Inspired by", not "Based on", when that is all Wikidata says', () => {
    const inspired = contextFixture({
      basedOn: [{ kind: 'book', relation: 'inspiration', title: 'A Loose Source', authors: [], citedBy: ['https://example.org/book'] }],
    });
    const source = renderPanel({ context: inspired }).section('source');
    expect(source.querySelector('h3')!.textContent).toBe('Inspired by');
    expect(source.textContent).toContain('A Loose Source');
  });
});
