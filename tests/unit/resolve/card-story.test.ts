import { describe, expect, it } from 'vitest';
import type { RealEvent, SourceWork } from '../../../lib/model';
import { cardStoryOf } from '../../../lib/resolve/card-story';
import { loadPack } from '../../../lib/sources/pack';
import { contextFixture } from '../support/contexts';
import { useLocale } from '../support/i18n';

const cited = ['https://example.org/cited'];

function work(overrides: Partial<SourceWork>): SourceWork {
  return { kind: 'book', relation: 'basis', title: 'A Work', authors: [], citedBy: cited, ...overrides };
}

function event(name: string, start?: string): RealEvent {
  return start ? { name, start, citedBy: cited } : { name, citedBy: cited };
}

const somos = () => loadPack().find((entry) => entry.key === 'pack:somos')!;
const teaserOf = (overrides: Parameters<typeof contextFixture>[0]) => cardStoryOf(contextFixture(overrides)).teaser;

describe('cardStoryOf: what a badge says', () => {
  it("words Somos.'s badge from the pack: the events' year, then the ProPublica article it is based on", () => {
    expect(cardStoryOf(somos())).toEqual({
      key: 'pack:somos',
      title: 'Somos.',
      button: 'Real story',
      label: 'Real story: Somos.',
      teaser: 'Events of 2011 · based on “How the U.S. Triggered a Massacre in Mexico” (ProPublica)',
    });
  });

  it("speaks the browser's language; titles and names stay as they are", () => {
    useLocale('es');
    expect(cardStoryOf(somos())).toMatchObject({
      button: 'Historia real',
      label: 'Historia real: Somos.',
      teaser: 'Hechos de 2011 · basada en «How the U.S. Triggered a Massacre in Mexico» (ProPublica)',
    });
    expect(teaserOf({ basedOn: [work({ relation: 'inspiration', title: 'Un libro' })] })).toBe('Inspirada en «Un libro»');
    expect(teaserOf({ basedOn: [] })).toBe('La historia real detrás');
  });

  it('picks the work the show is based on over one it was only inspired by, whatever the order', () => {
    const basedOn = [
      work({ relation: 'inspiration', title: 'The Muse', outlet: 'Muse Weekly' }),
      work({ relation: 'companion', title: 'The Podcast', outlet: 'Audible' }),
      work({ relation: 'basis', title: 'The Source', outlet: 'The Ledger' }),
    ];
    expect(teaserOf({ basedOn })).toBe('Based on “The Source” (The Ledger)');
  });

  it('falls back to an inspiration, and says so, when there is no basis', () => {
    const basedOn = [work({ relation: 'companion', title: 'The Podcast' }), work({ relation: 'inspiration', title: 'The Muse', authors: ['M. Muse'] })];
    expect(teaserOf({ basedOn })).toBe('Inspired by “The Muse” (M. Muse)');
  });

  it('never names a companion work as what the show is based on', () => {
    expect(teaserOf({ basedOn: [work({ relation: 'companion', title: 'The Podcast', outlet: 'Audible' })] })).toBe('The real story behind it');
  });

  it('names the outlet before the first author, the first author when there is no outlet, and no one when neither is known', () => {
    expect(teaserOf({ basedOn: [work({ authors: ['First Author', 'Second Author'], outlet: 'The Ledger' })] })).toBe('Based on “A Work” (The Ledger)');
    expect(teaserOf({ basedOn: [work({ authors: ['First Author', 'Second Author'] })] })).toBe('Based on “A Work” (First Author)');
    expect(teaserOf({ basedOn: [work({ authors: [] })] })).toBe('Based on “A Work”');
  });

  it('takes the year the earliest event began, whatever the order and precision of the dates', () => {
    const events = [event('Later', '2015-06-01'), event('Undated'), event('Earliest', '1998-11'), event('Middle', '2003')];
    expect(teaserOf({ basedOn: [], events })).toBe('Events of 1998');
  });

  it('says only that there is a real story when the story has no work and no dated event', () => {
    const story = cardStoryOf(contextFixture({ key: 'wd:Q990000007', title: 'Bare Show', basedOn: [], events: [event('Undated')] }));
    expect(story).toEqual({ key: 'wd:Q990000007', title: 'Bare Show', button: 'Real story', label: 'Real story: Bare Show', teaser: 'The real story behind it' });
  });

  it('keeps markup in titles as plain characters (the badge sets them as text)', () => {
    const story = cardStoryOf(contextFixture({ title: '<img src=x onerror=alert(1)>', basedOn: [work({ title: '<b>Bold</b>', outlet: 'Someone' })] }));
    expect(story.label).toBe('Real story: <img src=x onerror=alert(1)>');
    expect(story.teaser).toBe('Based on “<b>Bold</b>” (Someone)');
  });

  it('names no outcome in the teaser of Somos.: no toll, no summary, nothing the spoiler shield hides', () => {
    const pack = somos();
    const { teaser } = cardStoryOf(pack);
    for (const figure of pack.events.flatMap((event) => event.figures ?? [])) {
      expect(teaser).not.toContain(String(figure.high));
      for (const claim of figure.claims) expect(teaser).not.toContain(claim.figure);
    }
    expect(teaser).not.toMatch(/killed|disappeared|dead|burned/i);
  });
});
