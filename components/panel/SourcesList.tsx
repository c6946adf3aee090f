import type { SourceRef } from '@/lib/model';
import { ExternalLink } from '../shared/ExternalLink';

/** Every page this panel's facts rest on, small and at the bottom. */
export function SourcesList({ sources }: { sources: SourceRef[] }) {
  return (
    <details className="sources" data-section="sources">
      <summary>Where this comes from ({sources.length} sources)</summary>
      <ul>
        {sources.map((source) => (
          <li key={source.url}>
            <ExternalLink href={source.url}>{source.name}</ExternalLink>
            {source.license ? <span className="license"> · {source.license}</span> : null}
            {source.retrieved ? <span className="retrieved"> · checked {source.retrieved}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
