/**
 * Vitest globalSetup for the end-to-end suite: refuse to start without the built extension.
 * (It does not build: `npm test` builds both browsers before running the e2e suite.)
 */
import { assertBuilt, e2eBrowserKinds } from './browsers';

export default function setup(): void {
  assertBuilt(e2eBrowserKinds());
}
