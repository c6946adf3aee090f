import { t } from '@/lib/i18n/t';
import { ExternalLink } from '../shared/ExternalLink';

/** The small "Source: …" line under a fact: where it came from, linked, never in the way. */
export function CitedBy({ urls, nameOf, inline = false }: { urls: string[] | undefined; nameOf: (url: string) => string; inline?: boolean }) {
  if (!urls?.length) return null;
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag className="cited-by">
      {urls.length === 1 ? t('panel_source') : t('panel_sources')}{' '}
      {urls.map((url, index) => (
        <span key={url}>
          {index > 0 && ', '}
          <ExternalLink href={url}>{nameOf(url)}</ExternalLink>
        </span>
      ))}
    </Tag>
  );
}
