import css from '@/components/panel/panel.css?inline';
import { createPanelApi } from '@/components/panel/mount-panel';
import { findPanelApi, publishPanelApi } from '@/lib/panel-bridge';

// Injected by the background (scripting.executeScript) only when a page has a story to show.
export default defineContentScript({
  matches: ['https://www.netflix.com/*'],
  registration: 'runtime',
  main() {
    if (!findPanelApi()) publishPanelApi(createPanelApi(document, css));
  },
});
