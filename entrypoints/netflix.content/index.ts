import { createPageController } from '@/lib/content/page-controller';
import { listenForExtensionRequests } from '@/lib/content/extension-requests';
import { loadPanel } from '@/lib/content/load-panel';
import { followFocus } from '@/lib/content/focus-watcher';
import { sendMessage } from '@/lib/messaging';
import { retirePanelApi } from '@/lib/panel-bridge';
import { netflix } from '@/lib/sites/netflix';
import { matchPatternsOf, NETFLIX_HOSTS } from '@/lib/sites/hosts';

export default defineContentScript({
  matches: matchPatternsOf({ hosts: NETFLIX_HOSTS }),
  runAt: 'document_idle',
  main(ctx) {
    const controller = createPageController({
      resolve: (sighting) => sendMessage('resolveSighting', sighting),
      loadPanel: () => loadPanel(() => sendMessage('injectPanel', undefined)),
      onError: (error) => console.debug('Backstory:', error),
    });
    const watcher = followFocus({
      doc: document,
      adapter: netflix,
      readUrl: () => new URL(location.href),
      schedule: (run) => ctx.requestAnimationFrame(run),
      onChange: (focus) => void controller.focusChanged(focus),
      onSame: (focus) => controller.focusUnchanged(focus),
    });
    ctx.addEventListener(window, 'wxt:locationchange', watcher.requestCheck);
    ctx.addEventListener(window, 'popstate', watcher.requestCheck);
    const stopListening = listenForExtensionRequests(controller, { readPageNow: watcher.checkNow });
    ctx.onInvalidated(() => {
      watcher.stop();
      stopListening();
      retirePanelApi();
    });
  },
});
