/**
 * The signal one attempt runs under: aborted when the caller aborts or when the attempt's time
 * is up, whichever comes first. Built by hand rather than with AbortSignal.any/timeout so it
 * works on every browser we support and under fake timers in tests.
 */
export interface AttemptDeadline {
  signal: AbortSignal;
  /** True when the time ran out (as opposed to the caller aborting). */
  readonly timedOut: boolean;
  /** Stops the timer and lets go of the caller's signal; call when the attempt is over. */
  dispose(): void;
}

export function startAttemptDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined): AttemptDeadline {
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    dispose() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
