import { describe, expect, it } from 'vitest';
import { leadingSentences, sentencesOf } from '../../../../lib/resolve/live/plain-text';

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
    expect(cut).toMatch(/^A very long( sentence)?…$/);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(leadingSentences('short', 3, 20)).toBe('short');
  });
});
