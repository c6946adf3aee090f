export default defineBackground(() => {
  browser.runtime.onMessage.addListener(async (msg: any, sender) => {
    if (msg?.type === 'ping') {
      const r = await fetch('https://en.wikipedia.org/api/rest_v1/page/summary/Test');
      return { status: r.status, text: await r.text() };
    }
    if (msg?.type === 'panel' && sender.tab?.id != null) {
      await browser.scripting.executeScript({ target: { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] }, files: ['/content-scripts/panel.js'] });
      await browser.tabs.create({ url: browser.runtime.getURL('/popup.html?tabId=' + sender.tab.id) });
      return { ok: true };
    }
  });
});
