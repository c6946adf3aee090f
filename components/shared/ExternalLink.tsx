import type { ReactNode } from 'react';

/**
 * Every link Backstory renders leads away to a source. The URL has passed the web-URL schema
 * before it gets here; noopener/noreferrer keep the destination from reaching back into the page.
 */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
