import type Dexie from 'dexie';

/**
 * Dexie stays closed after a failed open, so one transient failure (a blocked upgrade, a startup
 * hiccup) would turn saving off until the background restarts. A call that meets a closed
 * database gets one fresh open before its error counts.
 */
export async function withReopen<T>(db: Dexie, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { name?: string } | null)?.name !== 'DatabaseClosedError') throw error;
    await db.open();
    return work();
  }
}
