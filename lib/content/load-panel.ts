import type { Done } from '../messaging';
import { findPanelApi, type PanelApi } from '../panel-bridge';

/**
 * The panel (React and all) is not part of the always-on script: the background injects it into
 * this page the first time there is a story to show, and it publishes its API when it starts.
 */
export async function loadPanel(inject: () => Promise<Done>): Promise<PanelApi> {
  const loaded = findPanelApi();
  if (loaded) return loaded;
  const done = await inject();
  // Short messages: they only reach the console, and every byte counts in the always-on script.
  const started = done.ok && findPanelApi();
  if (!started) throw new Error(`no panel: ${done.ok || done.message}`);
  return started;
}
