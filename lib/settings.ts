import { storage } from 'wxt/utils/storage';
import type { Site } from './model';

/** Whether the panel shows as a slim tab; remembered across pages, tabs and restarts. */
export const panelCollapsed = storage.defineItem<boolean>('local:panel.collapsed', { fallback: false });

/**
 * Whether titles the curated pack does not know are looked up on Wikidata, Wikipedia and TVmaze.
 * Off: only the pack and what is already cached are used, and no request leaves the browser.
 */
export const liveLookupsEnabled = storage.defineItem<boolean>('local:settings.liveLookups', { fallback: true });

/**
 * The spoiler shield: what the panel keeps hidden about real people until the viewer asks.
 * `outcomes`: what happened to them (the events' summaries, tolls and timelines) stays hidden;
 * `source-only`: only what the show is based on is shown, everything else waits for a click.
 */
export const SPOILER_LEVELS = ['off', 'outcomes', 'source-only'] as const;
export type SpoilerLevel = (typeof SPOILER_LEVELS)[number];
export const spoilerShield = storage.defineItem<SpoilerLevel>('local:settings.spoilerShield', { fallback: 'off' });

/** The streaming sites Backstory runs on; a site switched off gets no badges, panel or lookups. */
export const siteSwitches = storage.defineItem<Partial<Record<Site, boolean>>>('local:settings.sites', { fallback: {} });

/** A site runs unless the viewer switched it off (new sites start on). */
export function siteEnabled(switches: Partial<Record<Site, boolean>>, site: Site): boolean {
  return switches[site] !== false;
}
