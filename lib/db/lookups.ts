import { withReopen } from './reopen';
import type { BackstoryDb, LookupOutcome } from './schema';

/** Outcomes of live lookups by lookup key (lib/resolve/lookup-key.ts). */
export function createLookupRepository(db: BackstoryDb) {
  const run = <T>(work: () => Promise<T>) => withReopen(db, work);
  return {
    async get(id: string): Promise<LookupOutcome | undefined> {
      return run(() => db.lookups.get(id));
    },
    async put(outcome: LookupOutcome): Promise<void> {
      await run(() => db.lookups.put(outcome));
    },
  };
}
export type LookupRepository = ReturnType<typeof createLookupRepository>;
