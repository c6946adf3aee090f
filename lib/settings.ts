import { storage } from 'wxt/utils/storage';

/** Whether the panel shows as a slim tab; remembered across pages, tabs and restarts. */
export const panelCollapsed = storage.defineItem<boolean>('local:panel.collapsed', { fallback: false });

/**
 * Whether titles the curated pack does not know are looked up on Wikidata, Wikipedia and TVmaze.
 * Off: only the pack and what is already cached are used, and no request leaves the browser.
 */
export const liveLookupsEnabled = storage.defineItem<boolean>('local:settings.liveLookups', { fallback: true });
