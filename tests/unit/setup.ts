// Every unit test gets a fresh in-memory IndexedDB, WXT's fake extension APIs and a clean DOM.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useLocale } from './support/i18n';

beforeEach(() => {
  fakeBrowser.reset();
  // English unless a test asks for another language (useLocale('es')).
  useLocale('en');
});

// Testing Library cleans up by itself only when Vitest globals are on; they are off here.
afterEach(cleanup);
