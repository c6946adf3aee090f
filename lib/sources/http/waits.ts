/** Waiting: the default sleep, and a wait that a caller's abort cuts short. */

/** Resolves after `ms` milliseconds. Injectable so tests can record waits instead of taking them. */
export type Sleep = (ms: number) => Promise<void>;

export const sleepWithTimers: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sleeps, but rejects with the abort reason as soon as the caller aborts. An injected sleep
 * need not know about signals: the race is done here, once.
 */
export async function sleepUnlessAborted(sleep: Sleep, ms: number, signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted();
  if (signal === undefined) return sleep(ms);
  let onAbort = (): void => undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([sleep(ms), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
