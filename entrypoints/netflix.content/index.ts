import { createPageController } from '@/lib/content/page-controller';
import { createBadgeController } from '@/lib/content/badges/badge-controller';
import { followCards } from '@/lib/content/badges/card-watcher';
import { listenForExtensionRequests } from '@/lib/content/extension-requests';
import { loadPanel } from '@/lib/content/load-panel';
import { followFocus } from '@/lib/content/focus-watcher';
import { observePageMutations } from '@/lib/content/page-mutations';
import { followSiteSwitch } from '@/lib/content/site-switch';
import { sendMessage } from '@/lib/messaging';
import { retirePanelApi } from '@/lib/panel-bridge';
import { netflix } from '@/lib/sites/netflix';
import { matchPatternsOf, NETFLIX_HOSTS } from '@/lib/sites/hosts';

export default defineContentScript({
  matches: matchPatternsOf({ hosts: NETFLIX_HOSTS }),
  runAt: 'document_idle',
  main(ctx) {
    // Switched off in the options: no badges, no panel, no lookups, until it is switched on again.
    let running: ReturnType<typeof start> | undefined;
    const stopFollowing = followSiteSwitch('netflix', (enabled) => {
      if (enabled) running ??= start();
      else {
        running?.stop();
        running = undefined;
      }
    });
    const requestCheck = () => running?.requestCheck();
    ctx.addEventListener(window, 'wxt:locationchange', requestCheck);
    ctx.addEventListener(window, 'popstate', requestCheck);
    ctx.onInvalidated(() => {
      stopFollowing();
      running?.stop();
      retirePanelApi();
    });
  },
});

function start() {
  const onError = (error: unknown) => console.debug('Backstory:', error);
  // Read on every batch of page changes: parsed again only when the address changed.
  let address = { href: '', url: new URL(location.href) };
  const readUrl = () => (address.href === location.href ? address.url : (address = { href: location.href, url: new URL(location.href) }).url);
  // Not ctx.requestAnimationFrame: it adds an invalidation listener per call, never removed, and
  // this runs on every batch of page changes for as long as the page lives. The watchers' own
  // stop() makes a frame that fires after invalidation do nothing.
  const schedule = (run: () => void) => void requestAnimationFrame(run);
  const mutations = observePageMutations(document);
  const badges = createBadgeController({
    doc: document,
    resolveCards: (cards) => sendMessage('resolveCards', cards),
    open: (sighting) => void controller.openCard(sighting, { element: document.body, placement: 'overlay' }),
    onError,
  });
  const controller = createPageController({
    resolve: async (sighting) => {
      const answer = await sendMessage('resolveSighting', sighting);
      // A title on this page has a story: its cards can say so too, without waiting for the next page load.
      if (answer.badge && sighting.siteId) badges.storyFound(sighting.siteId, answer.badge);
      return answer;
    },
    loadPanel: () => loadPanel(() => sendMessage('injectPanel', undefined)),
    onError,
  });
  const watcher = followFocus({
    doc: document,
    adapter: netflix,
    readUrl,
    schedule,
    mutations,
    onChange: (focus) => void controller.focusChanged(focus),
    onSame: (focus) => controller.focusUnchanged(focus),
  });
  const cards = followCards({ doc: document, adapter: netflix, readUrl, schedule, mutations, onVisible: badges.visible, onGone: badges.gone, known: badges.known });
  const stopListening = listenForExtensionRequests(controller, { readPageNow: watcher.checkNow, onCardAnswers: badges.receive });
  return {
    requestCheck: watcher.requestCheck,
    stop() {
      watcher.stop();
      cards.stop();
      badges.stop();
      stopListening();
      // No title in focus: the panel goes, and answers still on their way are dropped.
      void controller.focusChanged(null);
    },
  };
}
