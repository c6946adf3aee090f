import { openBackstoryDb } from '../../../lib/db/schema';

let counter = 0;

/** A fresh database on fake-indexeddb (installed by setup.ts), unique per call. */
export function freshDb() {
  counter += 1;
  return openBackstoryDb(`backstory-test-${counter}-${Date.now()}`);
}

/**
 * A database whose every open fails the way a browser without usable IndexedDB fails (private
 * modes, storage disabled by policy, a corrupted profile).
 */
export function brokenDb() {
  const failingFactory = {
    open() {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    },
    deleteDatabase() {
      throw new DOMException('unavailable', 'InvalidStateError');
    },
    cmp: indexedDB.cmp.bind(indexedDB),
    databases: async () => [],
  } as unknown as IDBFactory;
  counter += 1;
  return openBackstoryDb(`backstory-broken-${counter}`, { indexedDB: failingFactory, IDBKeyRange });
}
