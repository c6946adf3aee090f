import { describe, expect, it } from 'vitest';
import { openBackstoryDb } from '../../../lib/db/schema';
import { createWatchlistRepository } from '../../../lib/db/watchlist';

/** An IndexedDB whose first open fails, as a blocked upgrade or a startup hiccup does. */
function flakyFactory(): IDBFactory {
  let failures = 1;
  return new Proxy(indexedDB, {
    get(target, property) {
      if (property === 'open') {
        return (...args: Parameters<IDBFactory['open']>) => {
          if (failures-- > 0) throw new DOMException('transient', 'InvalidStateError');
          return target.open(...args);
        };
      }
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('a database whose first open failed', () => {
  it('opens again instead of staying closed for the life of the background', async () => {
    const db = openBackstoryDb(`backstory-flaky-${Date.now()}`, { indexedDB: flakyFactory(), IDBKeyRange });
    const watchlist = createWatchlistRepository(db);
    await expect(watchlist.list()).resolves.toEqual([]);
    await expect(watchlist.has('pack:somos')).resolves.toBe(false);
  });
});
