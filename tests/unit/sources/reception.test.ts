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
    const text = `The Daily Example called it "a triumph".${cite('url=https://x.example/r |work=Daily Example')}`;
    expect(extractReviewQuotes(text, { citedBy: 'https://en.wikipedia.org/wiki/X' })[0]?.citedBy).toEqual(['https://en.wikipedia.org/wiki/X']);
    expect(extractReviewQuotes(text, { citedBy: 'javascript:alert(1)' })[0]).not.toHaveProperty('citedBy');
  });

  it('a citation without an outlet is dropped (never invented from the sentence)', () => {
    expect(extractReviewQuotes(`Jane Roe of ''The Daily Example'' called it "a triumph".${cite('url=https://x.example/r |last=Roe |first=Jane')}`)).toEqual([]);
  });

  it('a citation without a URL, or with a javascript: URL, is dropped', () => {
    expect(extractReviewQuotes(`Daily Example called it "a triumph".${cite('work=Daily Example |last=Roe')}`)).toEqual([]);
    expect(extractReviewQuotes(`Daily Example called it "a triumph".${cite('url=javascript:alert(1) |work=Daily Example')}`)).toEqual([]);
    expect(extractReviewQuotes(`Daily Example called it "a triumph".${cite('url=data:text/html,x |work=Daily Example')}`)).toEqual([]);
  });

  it('only cite web, cite news and cite magazine count', () => {
    expect(extractReviewQuotes(`The Journal called it "a triumph".${cite('url=https://j.example/1 |journal=The Journal', 'cite journal')}`)).toEqual([]);
    expect(extractReviewQuotes(`The Review called it "a triumph".<ref>[https://x.example/review The Review]</ref>`)).toEqual([]);
    expect(extractReviewQuotes(`The Monthly called it "a triumph".${cite('url=https://m.example/1 |magazine=The Monthly', 'Cite magazine')}`)).toEqual([
      { outlet: 'The Monthly', url: 'https://m.example/1', quote: 'a triumph' },
    ]);
  });

  it('reads critic, outlet and date from the usual parameters', () => {
    const quotes = extractReviewQuotes(
      [
        `Debruge said it was "one".${cite('url=https://a.example/1 |website=[[Variety (magazine)|Variety]] |author=[[Peter Debruge]] |date=March 3, 2023')}`,
        `Doe said it was "two".${cite('url=https://a.example/2 |newspaper=\'\'The Post\'\' |last1=Doe |first1=Jane |last2=Roe |first2=Rick |date=3 March 2023')}`,
        `Lee said it was "three".${cite('url=https://a.example/3 |publisher=Example Media |author1=Sam Lee |date=March 2023')}`,
        `The Paper said it was "four".${cite('url=https://a.example/4 |work=The Paper |date=Spring 2023')}`,
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
    expect(extractReviewQuotes(`Critic1 la calificó de «una joya inesperada». Otra frase.${news(1)} Critic2 la llamó «valiente».${news(2)}`).map((q) => q.quote)).toEqual(['valiente']);
    expect(extractReviewQuotes(`En Outlet 1, Ana Ruiz la calificó de «una joya inesperada».${news(1)}`)[0]?.quote).toBe('una joya inesperada');
  });

  it('attributes a quote only to the refs right after its own sentence', () => {
    const wikitext = `Outlet 1 called it "a mess". Critic1 wrote that the cast was excellent.${news(1)} Critic2 called it "a quiet marvel", while Lee found it "thin".${news(2)}`;
    expect(extractReviewQuotes(wikitext).map((q) => [q.outlet, q.quote])).toEqual([['Outlet 2', 'a quiet marvel']]);
  });

  it('keeps a quote mid-sentence when its ref follows it directly', () => {
    const wikitext = `Critic1 called it "devastating",${news(1)} while Critic2 found it "a little dull".${news(2)}`;
    expect(extractReviewQuotes(wikitext).map((q) => [q.outlet, q.quote])).toEqual([
      ['Outlet 1', 'devastating'],
      ['Outlet 2', 'a little dull'],
    ]);
  });

  it('does not split sentences inside quotes or after abbreviations and initials', () => {
    const wikitext = `Writing for the U.S. edition of Outlet 3, J. R. Doe called it "bold. Brave. Unmissable".${news(3)} Dr. Roe of Outlet 4 called it "fine."${news(4)}`;
    expect(extractReviewQuotes(wikitext).map((q) => q.quote)).toEqual(['bold. Brave. Unmissable', 'fine.']);
  });

  it('with several usable refs, keeps the quote only if the sentence names exactly one', () => {
    const two = `${news(1)}${news(2)}`;
    expect(extractReviewQuotes(`Critics called it "tense".${two}`)).toEqual([]);
    expect(extractReviewQuotes(`Outlet 2 called it "tense".${two}`).map((q) => q.outlet)).toEqual(['Outlet 2']);
    expect(extractReviewQuotes(`Critic1 called it "tense".${two}`).map((q) => q.outlet)).toEqual(['Outlet 1']);
    const withAggregator = `${cite('url=https://www.rottentomatoes.com/m/x |website=Rotten Tomatoes')}${news(5)}`;
    expect(extractReviewQuotes(`Critics called it "tense".${withAggregator}`)).toEqual([]);
    expect(extractReviewQuotes(`Outlet 5 called it "tense".${withAggregator}`).map((q) => q.outlet)).toEqual(['Outlet 5']);
    // Naming both is as unclear as naming neither.
    expect(extractReviewQuotes(`Outlet 1 and Outlet 2 called it "tense".${two}`)).toEqual([]);
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
    expect(extractReviewQuotes(`Outlet 3 said it was "${exactly40}".${news(3)}`)[0]?.quote).toBe(exactly40);
    // A long quote in the same sentence does not block a short one after it.
    expect(extractReviewQuotes(`Outlet 4 said it was "${long41}" and also "sharp".${news(4)}`)[0]?.quote).toBe('sharp');
  });

  it('skips quoted titles and names that are not a critic\u2019s words', () => {
    expect(extractReviewQuotes(`It screened in the "Contemporary World Cinema" section.${news(1)}`)).toEqual([]);
    expect(quoteIn('It was "Best of the Year" and "a mood piece".')).toBe('a mood piece');
  });

  it('one quote per review URL, at most six, in article order', () => {
    const many = Array.from({ length: 8 }, (_, i) => `Critic${i + 1} called it "verdict number ${i + 1}".${news(i + 1)}`).join(' ');
    const quotes = extractReviewQuotes(many);
    expect(quotes.map((q) => q.quote)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `verdict number ${n}`));
    expect(extractReviewQuotes(`Critic1: "first".${news(1)} Critic1 again: "second".${news(1)}`).map((q) => q.quote)).toEqual(['first']);
    expect(extractReviewQuotes(many, { max: 2 })).toHaveLength(2);
  });

  it('markup inside quotes, critics and outlets comes out as text', () => {
    const quotes = extractReviewQuotes(
      `Lee called it "<b>bold</b> and <script>alert(1)</script>bright".${cite('url=https://x.example/1 |work=<i>The</i> Example<script>alert(2)</script> |author=<span>Ann</span> Lee')}`,
    );
    expect(quotes).toHaveLength(1);
    expect(JSON.stringify(quotes)).not.toMatch(/<|>|script|alert/);
    expect(quotes[0]).toMatchObject({ outlet: 'The Example', critic: 'Ann Lee' });
  });

  it('a critic name too long to be a name is left out; the quote stays', () => {
    const quotes = extractReviewQuotes(`Example called it "good".${cite(`url=https://x.example/1 |work=Example |author=${'A'.repeat(500)}`)}`);
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
    expect(extractReviewQuotes(`${'='.repeat(100_000)}\n\nOutlet 1 said it was "fine".${news(1)}`)).toHaveLength(1);
    expect(extractReviewQuotes(`${'"'.repeat(100_000)}\n\nOutlet 1 said it was "fine".${news(1)}`)).toHaveLength(1);
    expect(extractReviewQuotes(`Outlet 1 said it was "fine".${' '.repeat(200_000)}${news(1)}`)).toHaveLength(1);
    expect(extractReviewQuotes(`${'<ref name=a'.repeat(20_000)}`)).toEqual([]);
    expect(extractReviewQuotes(`It was "fine".<ref>{{cite web|url=https://x.example/|work=W}}${'='.repeat(100_000)}</ref>`)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('only critics: the section\u2019s own text and its critic sub-sections', () => {
  const review = `Writing for ''Outlet 1'', Critic1 called it "a bruising, humane drama".${news(1)}`;

  it('under a general "Reception", reads the lead and "Critical response", skips "Viewership" and the rest', () => {
    const wikitext = [
      '== Reception ==',
      `The series divided critics. ${review}`,
      '',
      '=== Critical response ===',
      `Critic2 of Outlet 2 found it "too long by half".${news(2)}`,
      '',
      '=== Viewership ===',
      `Outlet 3 reported that the premiere "drew the largest audience of the year".${news(3)}`,
      '',
      '=== Controversy ===',
      `Outlet 4 quoted relatives who called the series "a distortion of what happened".${news(4)}`,
      '',
      '=== Historical accuracy ===',
      `Critic5, a historian writing in Outlet 5, called the timeline "pure invention".${news(5)}`,
      '',
      '=== Accolades ===',
      `Outlet 6 named it "the year\u2019s boldest series".${news(6)}`,
    ].join('\n');
    expect(extractReviewQuotes(wikitext).map((q) => [q.outlet, q.quote])).toEqual([
      ['Outlet 1', 'a bruising, humane drama'],
      ['Outlet 2', 'too long by half'],
    ]);
  });

  it('the reviewer\u2019s case: a quote under "Viewership" is ignored', () => {
    const wikitext = `== Reception ==\n=== Viewership ===\nOutlet 3 said the finale was "watched by more people than any other show".${news(3)}`;
    expect(extractReviewQuotes(wikitext)).toEqual([]);
  });

  it('reads what is nested in a critic sub-section, but not another topic nested there', () => {
    const wikitext = [
      '== Reception ==',
      '=== Critical response ===',
      '==== Season 1 ====',
      review,
      '==== Accolades ====',
      `Outlet 2 called its win "long overdue".${news(2)}`,
      '=== Audience response ===',
      `Outlet 3 said viewers found it "addictive".${news(3)}`,
      '== Release ==',
      `Outlet 4 called the rollout "a mess".${news(4)}`,
    ].join('\n');
    expect(extractReviewQuotes(wikitext).map((q) => q.outlet)).toEqual(['Outlet 1']);
  });

  it('asked for a critic section, reads it and what it holds', () => {
    const wikitext = `=== Critical reception ===\n${review}\n==== Season 2 ====\nCritic2 of Outlet 2 called it "sharper".${news(2)}`;
    expect(extractReviewQuotes(wikitext).map((q) => q.outlet)).toEqual(['Outlet 1', 'Outlet 2']);
  });

  it('reads headings with markup and in Spanish', () => {
    const spanish = [
      '== Recepción ==',
      '=== <span id="c">\'\'Recepción crítica\'\'</span> ===',
      `En Outlet 1, Critic1 la calificó de «una joya inesperada».${news(1)}`,
      '=== Audiencia ===',
      `Outlet 2 informó que fue «la serie más vista del año».${news(2)}`,
      '=== Polémica ===',
      `Outlet 3 recogió que los familiares la llamaron «una falta de respeto».${news(3)}`,
    ].join('\n');
    expect(extractReviewQuotes(spanish).map((q) => q.quote)).toEqual(['una joya inesperada']);
    const linked = `== Reception ==\n=== [[Critical response|Critical]] Response: ===\n${review}\n=== Ratings ===\nOutlet 2 called the numbers "staggering".${news(2)}`;
    expect(extractReviewQuotes(linked).map((q) => q.outlet)).toEqual(['Outlet 1']);
  });

  it('a ref defined in a skipped sub-section still backs a quote in a read one', () => {
    const wikitext = `== Reception ==\nCritic1 called it "a marvel".<ref name="c1" />\n=== Accolades ===\nIt won prizes.<ref name="c1">${news(1).slice(5, -6)}</ref>`;
    expect(extractReviewQuotes(wikitext).map((q) => q.quote)).toEqual(['a marvel']);
  });
});

describe('only reviews: the sentence names its critic or outlet, and is not reported speech', () => {
  it('the reviewer\u2019s reproductions', () => {
    expect(
      extractReviewQuotes(
        'Relatives of the victims called the series "a distortion of what happened".<ref>{{cite news|work=El Universal|last=Pérez|first=Ana|url=https://www.eluniversal.example/a}}</ref>',
      ),
    ).toEqual([]);
    expect(
      extractReviewQuotes('Showrunner Jane Doe told Variety the show was "the hardest thing I have made".<ref>{{cite web|work=Variety|url=https://variety.example/b}}</ref>'),
    ).toEqual([]);
    expect(
      extractReviewQuotes(
        "Ana Pérez of ''[[El Universal (Mexico City)|El Universal]]'' called the series \"a distortion of what happened\".<ref>{{cite news|work=El Universal|last=Pérez|first=Ana|url=https://www.eluniversal.example/a}}</ref>",
      ),
    ).toEqual([{ outlet: 'El Universal', url: 'https://www.eluniversal.example/a', critic: 'Ana Pérez', quote: 'a distortion of what happened' }]);
    expect(
      extractReviewQuotes(`In her review for ''[[Variety (magazine)|Variety]]'', Jane Doe called the show "the hardest watch of the year".<ref>{{cite web|work=Variety|url=https://variety.example/b}}</ref>`),
    ).toEqual([{ outlet: 'Variety', url: 'https://variety.example/b', quote: 'the hardest watch of the year' }]);
  });

  it('names: the outlet or a critic\u2019s surname, any case, whole words only', () => {
    const guardian = cite('url=https://g.example/r |work=[[The Guardian]] |last=Bradley |first=Pat');
    expect(extractReviewQuotes(`THE GUARDIAN called it "bleak".${guardian}`)).toHaveLength(1);
    expect(extractReviewQuotes(`The ''Guardian'' critic called it "bleak".${guardian}`)).toHaveLength(1);
    expect(extractReviewQuotes(`Pat [[Bradley]] called it "bleak".${guardian}`)).toHaveLength(1);
    expect(extractReviewQuotes(`bradley's verdict: "bleak".${guardian}`)).toHaveLength(1);
    // Inside another word, or the article-less name in lower case, is not the outlet.
    expect(extractReviewQuotes(`The Guardianship board called it "bleak".${guardian}`)).toEqual([]);
    expect(extractReviewQuotes(`Bradleyville residents called it "bleak".${guardian}`)).toEqual([]);
    const times = cite('url=https://t.example/r |newspaper=The Times');
    expect(extractReviewQuotes(`At times viewers found it "bleak".${times}`)).toEqual([]);
    expect(extractReviewQuotes(`Times critics found it "bleak".${times}`)).toHaveLength(1);
    // Any of the authors will do; so will the work when the publisher is the chosen outlet, and vice versa.
    expect(extractReviewQuotes(`Roe and a colleague called it "bleak".${cite('url=https://x.example/r |work=W |last1=Doe |first1=J |last2=Roe |first2=R')}`)).toHaveLength(1);
    expect(extractReviewQuotes(`Example Media called it "bleak".${cite('url=https://x.example/r |website=Example.example |publisher=Example Media')}`)).toHaveLength(1);
  });

  it.each([
    ['told', 'Critic1 told Outlet 1 the finale was "a gamble".'],
    ['said in an interview', 'Critic1 said in an interview with Outlet 1 that it was "a gamble".'],
    ['in an interview', 'In an interview with Outlet 1, the director called it "a gamble".'],
    ['according to', 'According to Outlet 1, the studio called it "a gamble".'],
    ['said that', 'Outlet 1 said that the studio called it "a gamble".'],
    ['stated', 'The studio stated to Outlet 1 that it was "a gamble".'],
    ['speaking to', 'Speaking to Outlet 1, the star called it "a gamble".'],
    ['explained', 'The writer explained to Outlet 1 that it was "a gamble".'],
    ['dijo', 'La directora dijo a Outlet 1 que fue «una apuesta».'],
    ['declaró', 'El actor declaró a Outlet 1 que era «una apuesta».'],
    ['en entrevista', 'En entrevista con Outlet 1, la autora la llamó «una apuesta».'],
    ['en una entrevista', 'En una entrevista con Outlet 1, la autora la llamó «una apuesta».'],
  ])('reported speech (%s) is not a review', (_words, sentence) => {
    expect(extractReviewQuotes(`${sentence}${news(1)}`)).toEqual([]);
  });

  it('those words inside the quote itself, or inside longer words, do not count', () => {
    expect(extractReviewQuotes(`Outlet 1 called it "a story told with care".${news(1)}`).map((q) => q.quote)).toEqual(['a story told with care']);
    expect(extractReviewQuotes(`Outlet 1 found its understated ending "unexplained and lovely".${news(1)}`)).toHaveLength(1);
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
