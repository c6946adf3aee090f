import type { SourceRef } from '@/lib/model';
import { formatPartialDate } from '@/lib/format';
import { t, uiLanguage } from '@/lib/i18n/t';
import { ExternalLink } from '../shared/ExternalLink';

/** Every page this panel's facts rest on, small and at the bottom. */
export function SourcesList({ sources }: { sources: SourceRef[] }) {
  return (
    <details className="sources" data-section="sources">
      <summary>{t('panel_sources_list', sources.length)}</summary>
      <ul>
        {sources.map((source) => (
          <li key={source.url}>
            <ExternalLink href={source.url}>{source.name}</ExternalLink>
            {source.license ? <span className="license"> · {source.license}</span> : null}
            {source.retrieved ? <span className="retrieved"> · {t('panel_checked', formatPartialDate(source.retrieved, uiLanguage()))}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
