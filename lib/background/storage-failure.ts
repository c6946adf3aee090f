/**
 * Whether a storage error means the disk (or the browser's quota for Backstory) is full. Dexie
 * passes IndexedDB's QuotaExceededError through, sometimes wrapped in an abort whose `inner`
 * error is the real one.
 */
export function isQuotaExceeded(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth += 1) {
    const { name, inner } = current as { name?: unknown; inner?: unknown };
    if (name === 'QuotaExceededError') return true;
    current = inner;
  }
  return false;
}
