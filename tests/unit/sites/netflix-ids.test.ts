import { describe, expect, it } from 'vitest';
import { jbvId, linkJbvId, linkTarget } from '../../../lib/sites/netflix/ids';

const PAGE = new URL('https://www.netflix.com/browse');

function link(href: string | null): Element {
  const a = document.createElement('a');
  if (href !== null) a.setAttribute('href', href);
  return a;
}

const parsed = (href: string | null) => {
  const target = linkTarget(link(href), PAGE);
  return target && jbvId(target);
};

describe('linkJbvId: a card link\'s jbv, read as text where that is safe', () => {
  it('reads the plain card links Netflix writes', () => {
    expect(linkJbvId(link('/browse?jbv=81715790'), PAGE)).toBe('81715790');
    expect(linkJbvId(link('/search?q=dune&jbv=80990017'), PAGE)).toBe('80990017');
    expect(linkJbvId(link('/browse?jbv=80990017&trkid=1#top'), PAGE)).toBe('80990017');
  });

  it('gives exactly what parsing the link as a URL gives, whatever the href', () => {
    const hrefs = [
      '/browse?jbv=81715790',
      '/browse?jbv=1', // too short to be an ID
      '/browse?jbv=81715790&jbv=80990017', // the first counts
      '/browse?xjbv=81715790',
      '/browse?JBV=81715790',
      '/browse#?jbv=81715790', // in the fragment, not the query
      '/browse?q=x#jbv=81715790',
      '/browse?j%62v=80990017&jbv=81715790', // an escaped name is still jbv
      '/browse?jbv=%38%31%37%31%35%37%39%30',
      '/browse?jbv=81715790+',
      '/browse?jbv=81715790 ', // the parser drops trailing spaces
      '//evil.example/browse?jbv=81715790', // protocol-relative: another site
      '/\\evil.example/browse?jbv=81715790',
      '/\t/evil.example/browse?jbv=81715790', // the parser removes the tab: another site again
      '/\n/evil.example/browse?jbv=81715790',
      'https://www.netflix.com/browse?jbv=81715790',
      'https://www.imdb.com/title/tt14719590/?jbv=81715790',
      'browse?jbv=81715790',
      ' /browse?jbv=81715790',
      '/watch/81715790',
      '',
      null,
      `/browse?jbv=81715790&pad=${'x'.repeat(9000)}`,
    ];
    for (const href of hrefs) expect(linkJbvId(link(href), PAGE), JSON.stringify(href)).toBe(parsed(href));
  });
});
