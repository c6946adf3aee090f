import { browser } from 'wxt/browser';
import { LIVE_SOURCE_MATCH_PATTERNS } from '../sources/http/hosts';

/**
 * Firefox lets people withhold or revoke an extension's host permissions. Without them a lookup
 * would only fail as "couldn't reach Wikidata"; checking first lets Backstory say what is missing
 * and send nothing.
 */
export async function hasLiveSourceAccess(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [...LIVE_SOURCE_MATCH_PATTERNS] });
  } catch {
    return false;
  }
}

/** Asks the user (needs a click: browsers only show the prompt from a user gesture). */
export async function requestLiveSourceAccess(): Promise<boolean> {
  return browser.permissions.request({ origins: [...LIVE_SOURCE_MATCH_PATTERNS] });
}
