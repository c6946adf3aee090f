/** Wikidata answers as an attacker or a bug could send them: everything is untrusted. */
import { describe, expect, it } from 'vitest';
import { parseEntitiesResponse } from '../../../lib/sources/wikidata';
import { timeValue } from '../../../lib/sources/wikidata/values';

const item = (id: string) => ({ snaktype: 'value', property: 'P31', datatype: 'wikibase-item', datavalue: { type: 'wikibase-entityid', value: { 'entity-type': 'item', 'numeric-id': Number(id.slice(1)), id } } });
const string = (value: unknown, datatype = 'string') => ({ snaktype: 'value', property: 'P1', datatype, datavalue: { type: 'string', value } });
const statement = (mainsnak: unknown, rank = 'normal', extra: object = {}) => ({ mainsnak, type: 'statement', rank, ...extra });

function entityWith(fields: Record<string, unknown>) {
  return parseEntitiesResponse({ entities: { Q42: { type: 'item', id: 'Q42', ...fields } }, success: 1 }).get('Q42');
}

describe('hostile Wikidata answers', () => {
  it('labels and descriptions come back as plain text, never markup', () => {
    const entity = entityWith({
      labels: {
        en: { language: 'en', value: '<img src=x onerror=alert(1)>Night <b>Ferry</b><script>alert("x")</script>' },
        es: { language: 'es', value: '&lt;script&gt;alert(1)&lt;/script&gt;Ferry' },
        mul: { language: 'mul', value: 'Ferry\u202e\u0000\u0007 de noche' },
        fr: { language: 'fr', value: 'Ferry de nuit' },
      },
      descriptions: { en: { language: 'en', value: '<a href="javascript:alert(1)">2019 film</a>' } },
      aliases: { en: [{ language: 'en', value: '<i>NF</i>' }, { language: 'en', value: 42 }, 'junk'] },
    });
    expect(entity?.labels).toEqual({ en: 'Night Ferry', es: 'Ferry', mul: 'Ferry de noche' });
    expect(entity?.descriptions).toEqual({ en: '2019 film' });
    expect(entity?.aliases).toEqual({ en: ['NF'] });
    expect(JSON.stringify(entity)).not.toMatch(/<|>|alert|javascript:|onerror/i);
  });

  it('a 1 MB label is capped, not kept whole and not fatal', () => {
    const huge = 'Ferry '.repeat(200_000);
    const entity = entityWith({ labels: { en: { language: 'en', value: huge } }, descriptions: { en: { language: 'en', value: 'x'.repeat(1_000_000) } } });
    expect(entity?.labels.en!.length).toBeLessThanOrEqual(300);
    expect(entity?.labels.en).toMatch(/^Ferry Ferry .*…$/);
    expect(entity?.descriptions.en!.length).toBeLessThanOrEqual(300);
  });

  it('a javascript: URL value or sitelink URL is dropped or rebuilt, never passed on', () => {
    const entity = entityWith({
      claims: {
        P856: [statement(string('javascript:alert(1)', 'url')), statement(string('https://ok.example/', 'url'))],
        P953: [statement(string('data:text/html,<script>alert(1)</script>', 'url'))],
      },
      sitelinks: {
        enwiki: { site: 'enwiki', title: 'Night Ferry', url: 'javascript:alert(1)' },
        eswiki: { site: 'eswiki', title: 'Ferry', url: 'https://evil.example/wiki/Ferry' },
      },
    });
    expect(entity?.claims.P856).toEqual([{ type: 'string', value: 'https://ok.example/' }]);
    expect(entity?.claims.P953).toBeUndefined();
    expect(entity?.sitelinks).toEqual({
      enwiki: { title: 'Night Ferry', url: 'https://en.wikipedia.org/wiki/Night_Ferry' },
      eswiki: { title: 'Ferry', url: 'https://es.wikipedia.org/wiki/Ferry' },
    });
  });

  it('wrong types inside an entity are skipped one by one', () => {
    const entity = entityWith({
      labels: 'Q42',
      descriptions: [],
      claims: {
        P31: [statement(item('Q5')), 'nonsense', statement({ snaktype: 'value' }), statement(item('Q6'), 'bogus-rank')],
        P17: { not: 'a list' },
        nonsense: [statement(item('Q7'))],
        P18: [statement(string(12345))],
        P19: [statement({ snaktype: 'value', datatype: 'wikibase-item', datavalue: { type: 'string', value: 'Q5' } })],
        P20: [statement({ snaktype: 'value', datatype: 'wikibase-item', datavalue: { type: 'wikibase-entityid', value: { id: 'P31' } } })],
        P21: [statement({ snaktype: 'value', datatype: 'wikibase-item', datavalue: { type: 'wikibase-entityid', value: { 'numeric-id': -4 } } })],
        P22: [statement({ snaktype: 'novalue', datatype: 'wikibase-item' }), statement({ snaktype: 'somevalue', datatype: 'time' })],
        P23: [statement({ snaktype: 'value', datatype: 'math', datavalue: { type: 'string', value: 'x^2' } })],
      },
      sitelinks: { enwiki: { title: 7 } },
    });
    expect(entity).toEqual({ id: 'Q42', labels: {}, descriptions: {}, aliases: {}, claims: { P31: [{ type: 'item', id: 'Q5' }] }, sitelinks: {} });
  });

  it('deprecated values never show, even when they are the only ones', () => {
    const entity = entityWith({ claims: { P444: [statement(string('12%'), 'deprecated')], P31: [statement(item('Q5'), 'deprecated'), statement(item('Q6'))] } });
    expect(entity?.claims).toEqual({ P31: [{ type: 'item', id: 'Q6' }] });
  });

  it('a preferred somevalue hides the normal values (truthy rank chosen before reading values)', () => {
    const entity = entityWith({ claims: { P50: [statement({ snaktype: 'somevalue', datatype: 'wikibase-item' }, 'preferred'), statement(item('Q5'))] } });
    expect(entity?.claims).toEqual({});
  });

  it('an entity with a bad ID or a missing marker is left out; other entities survive', () => {
    const found = parseEntitiesResponse({
      entities: {
        Q1: { id: 'Q1', labels: { en: { language: 'en', value: 'One' } } },
        Q2: { id: 'Q2', missing: '' },
        x: { id: '<script>' },
        Q3: 'nonsense',
        L4: { id: 'L4' },
      },
    });
    expect([...found.keys()]).toEqual(['Q1']);
  });

  it('a redirected entity is reachable under the ID that was asked for', () => {
    const found = parseEntitiesResponse({ entities: { Q10: { id: 'Q11', labels: {} } } });
    expect(found.get('Q10')?.id).toBe('Q11');
    expect(found.get('Q11')?.id).toBe('Q11');
  });

  it('the envelope must be an object of entities, else malformed', () => {
    for (const bad of [null, 'x', [], { entities: [] }, { entities: 'Q1' }, { success: 1 }]) {
      expect(() => parseEntitiesResponse(bad)).toThrow(expect.objectContaining({ failure: 'malformed', source: 'Wikidata' }));
    }
  });

  it('a missing-entity API error is an empty answer', () => {
    expect(parseEntitiesResponse({ error: { code: 'no-such-entity', info: 'x' } })).toEqual(new Map());
  });
});

describe('Wikidata times', () => {
  const time = (value: string, precision: number) => timeValue({ time: value, precision, calendarmodel: 'http://www.wikidata.org/entity/Q1985727' });

  it('honours precision and never builds Date objects from -00-00', () => {
    expect(time('+1953-00-00T00:00:00Z', 9)).toEqual({ type: 'time', date: '1953' });
    expect(time('+2017-06-00T00:00:00Z', 10)).toEqual({ type: 'time', date: '2017-06' });
    expect(time('+2011-03-18T00:00:00Z', 11)).toEqual({ type: 'time', date: '2011-03-18' });
    expect(time('+2011-03-18T00:00:00Z', 9)).toEqual({ type: 'time', date: '2011' });
    expect(time('+2011-03-18T14:00:00Z', 13)).toEqual({ type: 'time', date: '2011-03-18' });
    expect(time('+0800-01-01T00:00:00Z', 9)).toEqual({ type: 'time', date: '0800' });
  });

  it('never claims more precision than the string has', () => {
    expect(time('+2017-00-00T00:00:00Z', 10)).toEqual({ type: 'time', date: '2017' });
    expect(time('+2017-02-30T00:00:00Z', 11)).toEqual({ type: 'time', date: '2017-02' });
    expect(time('+2016-02-29T00:00:00Z', 11)).toEqual({ type: 'time', date: '2016-02-29' });
  });

  it('skips decades, centuries, BCE and nonsense', () => {
    expect(time('+1950-00-00T00:00:00Z', 8)).toBeUndefined();
    expect(time('-0044-03-15T00:00:00Z', 11)).toBeUndefined();
    expect(time('+12345-01-01T00:00:00Z', 9)).toBeUndefined();
    expect(time('yesterday', 11)).toBeUndefined();
    expect(timeValue({ time: '+2011-03-18T00:00:00Z' })).toBeUndefined();
    expect(timeValue('2011')).toBeUndefined();
  });
});
