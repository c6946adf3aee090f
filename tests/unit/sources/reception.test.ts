import { describe, expect, it } from 'vitest';
import { ReviewQuoteSchema } from '../../../lib/model';
import { extractReviewQuotes, lastSentence, normaliseCitationDate, quoteIn } from '../../../lib/sources/reception';
import { apiFixture } from '../../harness/api-fixtures';

const cite = (fields: string, type = 'cite web') => `<ref>{{${type} |${fields}}}</ref>`;
const news = (n: number, extra = '') => cite(`url=https://outlet${n}.example/review |work=Outlet ${n} |last=Critic${n} |first=Ann |date=2023-01-0${(n % 9) + 1}${extra}`, 'cite news');

describe('critic quotes from the Paper Harbor fixture', () => {
  const wikitext = (apiFixture('wikipedia/en/section-6-Paper_Harbor.json') as { parse: { wikitext: string } }).parse.wikitext;

  it('finds exactly the three cited critic quotes, in article order', () => {
    const quotes = extractReviewQuotes(wikitext);
    expect(quotes.map((q) => [q.outlet, q.critic, q.quote, q.published])).toEqual([
      ['The Lamplight Courier', 'Imani Okafor', 'a patient, luminous study of a town that refuses to hold still', '2023-09-16'],
      ['Northbound Film Weekly', 'Theo Brandt', 'quietly ferocious', '2023-09-18'],
      ['The Gullwing Post', undefined, 'a little too tidy for its own good', '2023-09-20'],
    ]);
    for (const quote of quotes) expect(ReviewQuoteSchema.parse(quote)).toEqual(quote);
  });

  it('leaves out the traps: aggregators, uncited, outlet-less, reused and bare-link refs', () => {
    const text = JSON.stringify(extractReviewQuotes(wikitext));
    for (const trap of ['Quietly gripping', 'generally favorable', 'rottentomatoes', 'metacritic', 'baffling', 'worth the wait', 'Ann Vey', 'most surprising', 'labour of love', 'harbor-arts']) {
      expect(text).not.toContain(trap);
    }
  });
});

describe('extractReviewQuotes', () => {
  it('a quote without a citation is dropped', () => {
    expect(extractReviewQuotes('Jane Roe called it "a triumph".')).toEqual([]);
    expect(extractReviewQuotes('Jane Roe called it "a triumph".<ref>Roe, Jane. Outlet, 2023.</ref>')).toEqual([]);
  });

  it('records the article the quote was read from, when given a web URL', () => {
    const text = `It was "a triumph".${cite('url=https://x.example/r |work=Daily Example')}`;
    expect(extractReviewQuotes(text, { citedBy: 'https://en.wikipedia.org/wiki/X' })[0]?.citedBy).toEqual(['https://en.wikipedia.org/wiki/X']);
    expect(extractReviewQuotes(text, { citedBy: 'javascript:alert(1)' })[0]).not.toHaveProperty('citedBy');
  });

  it('a citation without an outlet is dropped (never invented from the sentence)', () => {
    expect(extractReviewQuotes(`Jane Roe of ''The Daily Example'' called it "a triumph".${cite('url=https://x.example/r |last=Roe |first=Jane')}`)).toEqual([]);
  });

  it('a citation without a URL, or with a javascript: URL, is dropped', () => {
    expect(extractReviewQuotes(`It was "a triumph".${cite('work=Daily Example |last=Roe')}`)).toEqual([]);
    expect(extractReviewQuotes(`It was "a triumph".${cite('url=javascript:alert(1) |work=Daily Example')}`)).toEqual([]);
    expect(extractReviewQuotes(`It was "a triumph".${cite('url=data:text/html,x |work=Daily Example')}`)).toEqual([]);
  });

  it('only cite web, cite news and cite magazine count', () => {
    expect(extractReviewQuotes(`It was "a triumph".${cite('url=https://j.example/1 |journal=J', 'cite journal')}`)).toEqual([]);
    expect(extractReviewQuotes(`It was "a triumph".<ref>[https://x.example/review Review]</ref>`)).toEqual([]);
    expect(extractReviewQuotes(`It was "a triumph".${cite('url=https://m.example/1 |magazine=The Monthly', 'Cite magazine')}`)).toEqual([
      { outlet: 'The Monthly', url: 'https://m.example/1', quote: 'a triumph' },
    ]);
  });

  it('reads critic, outlet and date from the usual parameters', () => {
    const quotes = extractReviewQuotes(
      [
        `A said it was "one".${cite('url=https://a.example/1 |website=[[Variety (magazine)|Variety]] |author=[[Peter Debruge]] |date=March 3, 2023')}`,
        `B said it was "two".${cite('url=https://a.example/2 |newspaper=\'\'The Post\'\' |last1=Doe |first1=Jane |last2=Roe |first2=Rick |date=3 March 2023')}`,
        `C said it was "three".${cite('url=https://a.example/3 |publisher=Example Media |author1=Sam Lee |date=March 2023')}`,
        `D said it was "four".${cite('url=https://a.example/4 |work=The Paper |date=Spring 2023')}`,
      ].join(' '),
    );
    expect(quotes).toEqual([
      { outlet: 'Variety', url: 'https://a.example/1', critic: 'Peter Debruge', quote: 'one', published: '2023-03-03' },
      { outlet: 'The Post', url: 'https://a.example/2', critic: 'Jane Doe and Rick Roe', quote: 'two', published: '2023-03-03' },
      { outlet: 'Example Media', url: 'https://a.example/3', critic: 'Sam Lee', quote: 'three', published: '2023-03' },
      { outlet: 'The Paper', url: 'https://a.example/4', quote: 'four' },
    ]);
  });

  it('handles multi-line citations, curly quotes, named refs used before their definition', () => {
    const wikitext = `Jane Doe found it “tender and strange”.<ref name=doe />

Later, Roe called it "a long goodbye".<ref name="roe">{{cite news
 | url = https://roe.example/review
 | work = The Roe Review
 | last = Roe
 | first = Rick
}}</ref>

==References==
<ref name="doe">{{cite web|url=https://doe.example/r|work=Doe Daily|author=Jane Doe}}</ref>`;
    expect(extractReviewQuotes(wikitext)).toEqual([
      { outlet: 'Doe Daily', url: 'https://doe.example/r', critic: 'Jane Doe', quote: 'tender and strange' },
      { outlet: 'The Roe Review', url: 'https://roe.example/review', critic: 'Rick Roe', quote: 'a long goodbye' },
    ]);
  });

  it('reads Spanish-style «quotes» too', () => {
    expect(extractReviewQuotes(`Ana Ruiz la calificó de «una joya inesperada». Otra frase.${news(1)} Luis Gil la llamó «valiente».${news(2)}`).map((q) => q.quote)).toEqual(['valiente']);
    expect(extractReviewQuotes(`Ana Ruiz la calificó de «una joya inesperada».${news(1)}`)[0]?.quote).toBe('una joya inesperada');
  });

  it('attributes a quote only to the refs right after its own sentence', () => {
    const wikitext = `Some called it "a mess". Jane Doe wrote that the cast was excellent.${news(1)} Roe called it "a quiet marvel", while Lee found it "thin".${news(2)}`;
    expect(extractReviewQuotes(wikitext).map((q) => [q.outlet, q.quote])).toEqual([['Outlet 2', 'a quiet marvel']]);
  });

  it('keeps a quote mid-sentence when its ref follows it directly', () => {
    const wikitext = `Doe called it "devastating",${news(1)} while Roe found it "a little dull".${news(2)}`;
    expect(extractReviewQuotes(wikitext).map((q) => [q.outlet, q.quote])).toEqual([
      ['Outlet 1', 'devastating'],
      ['Outlet 2', 'a little dull'],
    ]);
  });

  it('does not split sentences inside quotes or after abbreviations and initials', () => {
    const wikitext = `Writing for the U.S. edition, J. R. Doe called it "bold. Brave. Unmissable".${news(3)} Dr. Roe called it "fine."${news(4)}`;
    expect(extractReviewQuotes(wikitext).map((q) => q.quote)).toEqual(['bold. Brave. Unmissable', 'fine.']);
  });

  it('with several usable refs, keeps the quote only if the sentence names exactly one', () => {
    const two = `${news(1)}${news(2)}`;
    expect(extractReviewQuotes(`Critics called it "tense".${two}`)).toEqual([]);
    expect(extractReviewQuotes(`Outlet 2 called it "tense".${two}`).map((q) => q.outlet)).toEqual(['Outlet 2']);
    expect(extractReviewQuotes(`Critic1 called it "tense".${two}`).map((q) => q.outlet)).toEqual(['Outlet 1']);
    const withAggregator = `${cite('url=https://www.rottentomatoes.com/m/x |website=Rotten Tomatoes')}${news(5)}`;
    expect(extractReviewQuotes(`Critics called it "tense".${withAggregator}`).map((q) => q.outlet)).toEqual(['Outlet 5']);
  });

  it('never quotes a review aggregator', () => {
    expect(extractReviewQuotes(`The consensus reads, "A winner."${cite('url=https://www.rottentomatoes.com/m/x |website=[[Rotten Tomatoes]]')}`)).toEqual([]);
    expect(extractReviewQuotes(`It got "universal acclaim".${cite('url=https://example.com/mc |work=Metacritic')}`)).toEqual([]);
    expect(extractReviewQuotes(`It got "universal acclaim".${cite('url=https://www.metacritic.com/movie/x |work=CBS Interactive')}`)).toEqual([]);
  });

  it('skips quotes over 300 characters or 40 words instead of cutting them', () => {
    const long41 = Array.from({ length: 41 }, (_, i) => `w${i}`).join(' ');
    const long300 = 'a'.repeat(301);
    expect(extractReviewQuotes(`It was "${long41}".${news(1)} It was "${long300}".${news(2)}`)).toEqual([]);
    const exactly40 = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(extractReviewQuotes(`It was "${exactly40}".${news(3)}`)[0]?.quote).toBe(exactly40);
    // A long quote in the same sentence does not block a short one after it.
    expect(extractReviewQuotes(`It was "${long41}" and also "sharp".${news(4)}`)[0]?.quote).toBe('sharp');
  });

  it('skips quoted titles and names that are not a critic\u2019s words', () => {
    expect(extractReviewQuotes(`It screened in the "Contemporary World Cinema" section.${news(1)}`)).toEqual([]);
    expect(quoteIn('It was "Best of the Year" and "a mood piece".')).toBe('a mood piece');
  });

  it('one quote per review URL, at most six, in article order', () => {
    const many = Array.from({ length: 8 }, (_, i) => `Critic${i + 1} called it "verdict number ${i + 1}".${news(i + 1)}`).join(' ');
    const quotes = extractReviewQuotes(many);
    expect(quotes.map((q) => q.quote)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `verdict number ${n}`));
    expect(extractReviewQuotes(`A "first".${news(1)} B "second".${news(1)}`).map((q) => q.quote)).toEqual(['first']);
    expect(extractReviewQuotes(many, { max: 2 })).toHaveLength(2);
  });

  it('markup inside quotes, critics and outlets comes out as text', () => {
    const quotes = extractReviewQuotes(
      `She called it "<b>bold</b> and <script>alert(1)</script>bright".${cite('url=https://x.example/1 |work=<i>The</i> Example<script>alert(2)</script> |author=<span>Ann</span> Lee')}`,
    );
    expect(quotes).toHaveLength(1);
    expect(JSON.stringify(quotes)).not.toMatch(/<|>|script|alert/);
    expect(quotes[0]).toMatchObject({ outlet: 'The Example', critic: 'Ann Lee' });
  });

  it('a critic name too long to be a name is left out; the quote stays', () => {
    const quotes = extractReviewQuotes(`It was "good".${cite(`url=https://x.example/1 |work=Example |author=${'A'.repeat(500)}`)}`);
    expect(quotes).toEqual([{ outlet: 'Example', url: 'https://x.example/1', quote: 'good' }]);
  });

  it('ignores comments, and survives hostile or huge input', () => {
    expect(extractReviewQuotes(`<!-- It was "hidden".${news(1)} -->`)).toEqual([]);
    expect(extractReviewQuotes('')).toEqual([]);
    expect(extractReviewQuotes('<ref><ref></ref>"x"</ref>{{cite web|url=https://x.example|work=')).toEqual([]);
    expect(extractReviewQuotes(`${'"'.repeat(50_000)}${news(1)}`)).toEqual([]);
    expect(extractReviewQuotes(42 as unknown as string)).toEqual([]);
  });

  it('stays fast on pathological wikitext (no quadratic regexes)', () => {
    const started = Date.now();
    expect(extractReviewQuotes(`${'<ref>'.repeat(50_000)} It was "x".${news(1)}`)).toEqual([]);
    expect(extractReviewQuotes(`${'='.repeat(100_000)}\nIt was "fine".${news(1)}`)).toEqual([]);
    expect(extractReviewQuotes(`${'='.repeat(100_000)}\n\nIt was "fine".${news(1)}`)).toHaveLength(1);
    expect(extractReviewQuotes(`${'"'.repeat(100_000)}\n\nIt was "fine".${news(1)}`)).toHaveLength(1);
    expect(extractReviewQuotes(`It was "fine".${' '.repeat(200_000)}${news(1)}`)).toHaveLength(1);
    expect(extractReviewQuotes(`${'<ref name=a'.repeat(20_000)}`)).toEqual([]);
    expect(extractReviewQuotes(`It was "fine".<ref>{{cite web|url=https://x.example/|work=W}}${'='.repeat(100_000)}</ref>`)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('citation dates', () => {
  it('normalises unambiguous dates', () => {
    expect(normaliseCitationDate('2023-03-04')).toBe('2023-03-04');
    expect(normaliseCitationDate('2023-03')).toBe('2023-03');
    expect(normaliseCitationDate('2023')).toBe('2023');
    expect(normaliseCitationDate('March 4, 2023')).toBe('2023-03-04');
    expect(normaliseCitationDate('Mar. 4, 2023')).toBe('2023-03-04');
    expect(normaliseCitationDate('Sept 4 2023')).toBe('2023-09-04');
    expect(normaliseCitationDate('4 March 2023')).toBe('2023-03-04');
    expect(normaliseCitationDate('March 2023')).toBe('2023-03');
    expect(normaliseCitationDate(' 29 February 2024 ')).toBe('2024-02-29');
  });

  it('drops what it would have to guess', () => {
    for (const date of ['3/4/2023', '04.03.2023', 'Spring 2023', '2023–2024', 'February 30, 2023', '29 February 2023', 'Smarch 4, 2023', '2023-13', '0999', 'yesterday', '', undefined]) {
      expect(normaliseCitationDate(date)).toBeUndefined();
    }
  });
});

describe('sentences', () => {
  it('finds the last sentence, not splitting inside quotes', () => {
    expect(lastSentence('One. Two "three. Four" five.')).toBe('Two "three. Four" five.');
    expect(lastSentence('It was "great." Then "fine".')).toBe('Then "fine".');
    expect(lastSentence('Mr. Smith said "ok".')).toBe('Mr. Smith said "ok".');
  });
});
