import { describe, expect, it } from 'vitest';
import { SightingSchema, WebUrlSchema } from '../../lib/model';

describe('model schemas', () => {
  it('accepts only http(s) links with a real host name', () => {
    expect(WebUrlSchema.safeParse('https://www.propublica.org/article/allende-zetas-cartel-massacre-and-the-us-dea').success).toBe(true);
    expect(WebUrlSchema.safeParse('javascript:alert(1)').success).toBe(false);
    expect(WebUrlSchema.safeParse('data:text/html,<b>x</b>').success).toBe(false);
  });

  it('rejects a sighting whose ID is not a Netflix-style number', () => {
    expect(SightingSchema.safeParse({ site: 'netflix', surface: 'detail', siteId: '81234567', title: 'Somos.' }).success).toBe(true);
    expect(SightingSchema.safeParse({ site: 'netflix', surface: 'detail', siteId: '../etc', title: 'Somos.' }).success).toBe(false);
  });
});
