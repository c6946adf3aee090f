import { SourceError, type SourceName } from '../types';

/** An answer that is not what the API documents. Names what we expected, never quotes the body. */
export function malformed(source: SourceName, what: string): SourceError {
  return new SourceError(source, 'malformed', `${source} answered with something unexpected (${what})`);
}
