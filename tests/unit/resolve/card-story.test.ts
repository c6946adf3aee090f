import { describe, expect, it } from 'vitest';
import type { RealEvent, SourceWork } from '../../../lib/model';
import { cardStoryOf } from '../../../lib/resolve/card-story';
import { loadPack } from '../../../lib/sources/pack';
import { contextFixture } from '../support/contexts';

const cited = ['https://example.org/cited'];

function work(overrides: Partial<SourceWork>): SourceWork {
  return { kind: 'book', relation: 'basis', title: 'A Work', authors: [], citedBy: cited, ...overrides };
}

function event(name: string, start?: string): RealEvent {
  return start ? { name, start, citedBy: cited } : { name, citedBy: cited };
}

describe('cardStoryOf: the badge teaser', () => {
  it("tells Somos.'s teaser from the pack: the ProPublica article it is based on, events from 2011", () => {
    const somos = loadPack().find((entry) => entry.key === 'pack:somos')!;
    expect(cardStoryOf(somos)).toEqual({
      key: 'pack:somos',
      title: 'Somos.',
      relation: 'basis',
      work: { title: 'How the U.S. Triggered a Massacre in Mexico', by: 'ProPublica' },
      eventYear: 2011,
    });
  });

  it('picks the work the show is based on over one it was only inspired by, whatever the order', () => {
    const context = contextFixture({
      basedOn: [
        work({ relation: 'inspiration', title: 'The Muse', outlet: 'Muse Weekly' }),
        work({ relation: 'companion', title: 'The Podcast', outlet: 'Audible' }),
        work({ relation: 'basis', title: 'The Source', outlet: 'The Ledger' }),
      ],
    });
    expect(cardStoryOf(context)).toMatchObject({ relation: 'basis', work: { title: 'The Source', by: 'The Ledger' } });
  });

  it('falls back to an inspiration, and says so, when there is no basis', () => {
    const context = contextFixture({ basedOn: [work({ relation: 'companion', title: 'The Podcast' }), work({ relation: 'inspiration', title: 'The Muse', authors: ['M. Muse'] })] });
    expect(cardStoryOf(context)).toMatchObject({ relation: 'inspiration', work: { title: 'The Muse', by: 'M. Muse' } });
  });

  it('never names a companion work as what the show is based on', () => {
    const story = cardStoryOf(contextFixture({ basedOn: [work({ relation: 'companion', title: 'The Podcast', outlet: 'Audible' })] }));
    expect(story).not.toHaveProperty('relation');
    expect(story).not.toHaveProperty('work');
  });

  it('names the outlet before the first author, and the first author when there is no outlet', () => {
    const withOutlet = cardStoryOf(contextFixture({ basedOn: [work({ authors: ['First Author', 'Second Author'], outlet: 'The Ledger' })] }));
    expect(withOutlet.work).toEqual({ title: 'A Work', by: 'The Ledger' });
    const authorsOnly = cardStoryOf(contextFixture({ basedOn: [work({ authors: ['First Author', 'Second Author'] })] }));
    expect(authorsOnly.work).toEqual({ title: 'A Work', by: 'First Author' });
  });

  it('leaves out "by" when the work names no outlet or author', () => {
    const story = cardStoryOf(contextFixture({ basedOn: [work({ authors: [] })] }));
    expect(story.work).toEqual({ title: 'A Work' });
    expect(story.work).not.toHaveProperty('by');
  });

  it('takes the year the earliest event began, whatever the order and precision of the dates', () => {
    const context = contextFixture({ events: [event('Later', '2015-06-01'), event('Undated'), event('Earliest', '1998-11'), event('Middle', '2003')] });
    expect(cardStoryOf(context).eventYear).toBe(1998);
  });

  it('leaves every absent part absent: no work, no dated event', () => {
    const story = cardStoryOf(contextFixture({ key: 'wd:Q990000007', title: 'Bare Show', basedOn: [], events: [event('Undated')] }));
    expect(story).toEqual({ key: 'wd:Q990000007', title: 'Bare Show' });
    expect(Object.keys(story).sort()).toEqual(['key', 'title']);
  });
});
