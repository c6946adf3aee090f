import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Firefox gets MV3 too: one manifest shape, the scripting API and host permissions in both.
  manifestVersion: 3,
  publicDir: 'assets/public',
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description: 'The real story behind the show you are looking at on Netflix: the journalism, the events, the reviews.',
    permissions: ['storage', 'scripting'],
    host_permissions: ['https://www.netflix.com/*'],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'backstory@backstory.invalid',
          strict_min_version: '128.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
