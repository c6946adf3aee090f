/**
 * Reading a response body as JSON, with a size limit. Neither Content-Length nor Content-Type is
 * trusted: a missing or lying Content-Length must not let a huge body through, so bytes are
 * counted as they arrive and reading stops at the limit.
 */
import { SourceError, type SourceName } from '../types';

export interface BodyLimits {
  source: SourceName;
  maxBytes: number;
  /** Aborts the read (timeout or caller); the read then rejects with the signal's reason. */
  signal: AbortSignal;
}

function tooLarge(source: SourceName, maxBytes: number): SourceError {
  return new SourceError(source, 'malformed', `${source} sent an answer larger than ${formatBytes(maxBytes)}`);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`;
}

/** Content-Length when it is a plain number; anything else is treated as absent. */
function declaredLength(response: Response): number | undefined {
  const header = response.headers.get('content-length');
  return header !== null && /^\d+$/.test(header.trim()) ? Number(header) : undefined;
}

/** Lets go of a body we will not read, so the connection can be reused. Failures do not matter. */
export function discardBody(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

/** Reads the whole body, refusing it as soon as it passes maxBytes. */
async function readBytesUpTo(response: Response, limits: BodyLimits): Promise<Uint8Array> {
  const { signal, maxBytes, source } = limits;
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  // Cancelling makes a pending read() settle, so an abort does not wait for the next chunk.
  const onAbort = () => void reader.cancel(signal.reason).catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      signal.throwIfAborted();
      const { done, value } = await reader.read();
      signal.throwIfAborted();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        void reader.cancel().catch(() => undefined);
        throw tooLarge(source, maxBytes);
      }
      chunks.push(value);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  return concatenate(chunks, received);
}

function concatenate(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The body parsed as JSON. Throws SourceError 'malformed' when it is too large or not JSON
 * (the message never quotes the body: bodies are not logged). Stream errors other than the
 * size limit propagate as they are, so the caller can treat them as network failures.
 */
export async function readJsonBody(response: Response, limits: BodyLimits): Promise<unknown> {
  const declared = declaredLength(response);
  if (declared !== undefined && declared > limits.maxBytes) {
    discardBody(response);
    throw tooLarge(limits.source, limits.maxBytes);
  }
  const bytes = await readBytesUpTo(response, limits);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SourceError(limits.source, 'malformed', `${limits.source} sent an answer that is not UTF-8 text`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SourceError(limits.source, 'malformed', `${limits.source} sent an answer that is not valid JSON`);
  }
}
