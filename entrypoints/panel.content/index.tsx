import css from '@/components/panel/panel.css?inline';
import { createPanelApi } from '@/components/panel/mount-panel';
import { findPanelApi, publishPanelApi } from '@/lib/panel-bridge';
import { matchPatternsOf, NETFLIX_HOSTS } from '@/lib/sites/hosts';

// Injected by the background (scripting.executeScript) only when a page has a story to show.
export default defineContentScript({
  matches: matchPatternsOf({ hosts: NETFLIX_HOSTS }),
  registration: 'runtime',
  main() {
    if (!findPanelApi()) publishPanelApi(createPanelApi(document, css));
  },
});
