/** Loading pages for the Netflix adapter tests: our own fixtures and the shared real captures. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { SightingSchema, type Sighting } from '../../../lib/model';
import type { CardSighting } from '../../../lib/sites/types';

export const NETFLIX = 'https://www.netflix.com';

/**
 * Held in a variable because Vite rewrites a literal `new URL(<template>, import.meta.url)` into
 * asset imports of the whole folder, which it refuses outside the project (shared/).
 */
const HERE = import.meta.url;

export interface Page {
  doc: Document;
  url: URL;
}

/** The adapter gets the URL as an argument; the parsed document itself has none. */
export function parsePage(html: string, url: string): Page {
  return { doc: new DOMParser().parseFromString(html, 'text/html'), url: new URL(url, NETFLIX) };
}

/** A fixture we wrote, in tests/fixtures/pages/netflix/. */
export function ownFixture(name: string, url: string): Page {
  return parsePage(readFileSync(new URL(`../../fixtures/pages/netflix/${name}`, HERE), 'utf8'), url);
}

/**
 * The team's shared folder: checked out next to this repository (`../shared`), or wherever
 * BACKSTORY_SHARED_DIR points.
 */
const SHARED_DIR = process.env.BACKSTORY_SHARED_DIR ? pathToFileURL(`${process.env.BACKSTORY_SHARED_DIR.replace(/\/$/, '')}/`) : new URL('../../../../shared/', HERE);

/**
 * A real capture from shared/fixtures/netflix-2026/ (GPL data: read in place, never copied into
 * this repository).
 */
export function realCapture(name: string, url: string): Page {
  const file = new URL(`fixtures/netflix-2026/${name}`, SHARED_DIR);
  if (!existsSync(file)) {
    throw new Error(`The shared Netflix captures are missing (${fileURLToPath(file)}): check out shared/ next to this repository or set BACKSTORY_SHARED_DIR.`);
  }
  return parsePage(readFileSync(file, 'utf8'), url);
}

/** Sightings must pass the same schema the background parses messages with. */
export function expectValid(sighting: Sighting): Sighting {
  expect(SightingSchema.parse(sighting)).toStrictEqual(sighting);
  return sighting;
}

export function sightingsOf(cards: CardSighting[]): Sighting[] {
  return cards.map(({ sighting }) => expectValid(sighting));
}

/** Every string value in the sightings, to assert that a trap's text appears nowhere. */
export function allText(sightings: Sighting[]): string {
  return sightings.map((sighting) => Object.values(sighting).join(' | ')).join('\n');
}
