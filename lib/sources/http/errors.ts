/**
 * The errors getJson throws once it gives up, with messages a panel can show as they are: they
 * name the source and say what went wrong, and never quote a response body.
 */
import { SourceError, type SourceName } from '../types';

export function offlineError(source: SourceName): SourceError {
  return new SourceError(source, 'offline', `Cannot reach ${source}: the browser is offline`);
}

export function timeoutError(source: SourceName): SourceError {
  return new SourceError(source, 'timeout', `${source} did not answer in time`);
}

export function serverError(source: SourceName, status: number): SourceError {
  return new SourceError(source, 'unavailable', `${source} is having trouble (HTTP ${status})`, status);
}

export function unreachableError(source: SourceName): SourceError {
  return new SourceError(source, 'unavailable', `Could not reach ${source}`);
}

export function rateLimitedError(source: SourceName): SourceError {
  return new SourceError(source, 'rate-limited', `${source} asked us to slow down (HTTP 429)`, 429);
}

export function notFoundError(source: SourceName): SourceError {
  return new SourceError(source, 'not-found', `${source} has no such page (HTTP 404)`, 404);
}

export function unexpectedStatusError(source: SourceName, status: number): SourceError {
  return new SourceError(source, 'malformed', `${source} answered with an unexpected HTTP ${status}`, status);
}

export function redirectedAwayError(source: SourceName, toHost: string): SourceError {
  return new SourceError(source, 'malformed', `${source} redirected the request to ${toHost}`);
}
