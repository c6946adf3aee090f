import { describe, expect, it } from 'vitest';
import { cutAtWord, htmlToText, leadingSentences, sentencesOf } from '../../../../lib/resolve/live/plain-text';

describe('htmlToText', () => {
  it('drops tags, scripts and styles, decodes entities and collapses space', () => {
    expect(htmlToText('<p><b>Somos.</b> is a <i>miniseries</i>&nbsp;by Netflix &amp; co.</p>')).toBe('Somos. is a miniseries by Netflix & co.');
    expect(htmlToText('A<script>alert(1)</script> B<style>p{}</style>')).toBe('A B');
    expect(htmlToText('&#8220;Quoted&#x201D; &lt;tag&gt; &unknown;')).toBe('“Quoted” <tag> &unknown;');
    expect(htmlToText('Line<br>break')).toBe('Line break');
  });
});

describe('sentencesOf', () => {
  it('does not end a sentence at initials or abbreviations', () => {
    expect(sentencesOf('How the U.S. Triggered a Massacre. J. Smith wrote it. Mr. Jones agreed! Did he? Yes.')).toEqual([
      'How the U.S. Triggered a Massacre.',
      'J. Smith wrote it.',
      'Mr. Jones agreed!',
      'Did he?',
      'Yes.',
    ]);
    expect(sentencesOf('It ran in 2017. Then e.g. the sequel came.')).toEqual(['It ran in 2017.', 'Then e.g. the sequel came.']);
    expect(sentencesOf('No full stop at the end')).toEqual(['No full stop at the end']);
  });
});

describe('leadingSentences', () => {
  it('keeps at most the given number of whole sentences within the length', () => {
    expect(leadingSentences('One. Two. Three. Four.', 3, 900)).toBe('One. Two. Three.');
    expect(leadingSentences('One one. Two two. Three.', 3, 12)).toBe('One one.');
  });

  it('cuts a first sentence that is too long at a word, with an ellipsis', () => {
    const cut = leadingSentences('A very long sentence that goes on and on.', 3, 20)!;
    expect(cut).toBe('A very long…');
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(cutAtWord('short', 20)).toBe('short');
  });
});
