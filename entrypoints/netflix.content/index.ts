export default defineContentScript({
  matches: ['https://www.netflix.com/*'],
  async main() {
    const el = document.createElement('div');
    el.id = 'spike-marker';
    document.body.append(el);
    const r = await browser.runtime.sendMessage({ type: 'ping' });
    el.textContent = JSON.stringify(r);
    await browser.runtime.sendMessage({ type: 'panel' });
  },
});
