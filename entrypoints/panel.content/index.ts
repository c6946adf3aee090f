export default defineContentScript({
  matches: ['https://www.netflix.com/*'],
  registration: 'runtime',
  main() {
    const el = document.createElement('div');
    el.id = 'spike-panel';
    el.textContent = 'panel loaded';
    document.body.append(el);
  },
});
