import type { SourceWork } from '@/lib/model';
import { formatNames, formatPartialDate } from '@/lib/format';
import { t, uiLanguage } from '@/lib/i18n/t';
import { ExternalLink } from '../shared/ExternalLink';
import { CitedBy } from './CitedBy';

const KIND_LABEL: Record<SourceWork['kind'], () => string> = {
  article: () => t('panel_kind_article'),
  book: () => t('panel_kind_book'),
  podcast: () => t('panel_kind_podcast'),
  documentary: () => t('panel_kind_documentary'),
  other: () => t('panel_kind_other'),
};

function Byline({ work }: { work: SourceWork }) {
  const language = uiLanguage();
  const outlet = [work.outlet, ...(work.copublishers?.length ? [t('panel_with', formatNames(work.copublishers, language))] : [])].filter(Boolean).join(' ');
  const parts = [
    work.authors.length ? t('panel_by', formatNames(work.authors, language)) : undefined,
    outlet || undefined,
    work.published ? formatPartialDate(work.published, language) : undefined,
  ];
  return <p className="byline">{parts.filter(Boolean).join(' · ')}</p>;
}

/** "Audible podcast" in English, "pódcast de Audible" in Spanish. */
function kindLine(work: SourceWork): string {
  const kind = KIND_LABEL[work.kind]();
  return work.outlet ? t('panel_kind_by_outlet', work.outlet, kind) : kind;
}

export function SourceSection({ works, nameOf }: { works: SourceWork[]; nameOf: (url: string) => string }) {
  const basis = works.filter((work) => work.relation === 'basis');
  const inspirations = works.filter((work) => work.relation === 'inspiration');
  const companions = works.filter((work) => work.relation === 'companion');
  // "Based on" is a strong claim: a show merely inspired by a work says so instead.
  const main = basis.length > 0 ? basis : inspirations;
  if (main.length === 0) return null;
  const language = uiLanguage();
  return (
    <section data-section="source" aria-labelledby="backstory-source-heading">
      <h3 id="backstory-source-heading">{basis.length > 0 ? t('panel_based_on') : t('panel_inspired_by')}</h3>
      {main.map((work) => (
        <article key={work.title} className="work">
          <h4 className="work-title">
            {work.url ? <ExternalLink href={work.url}>“{work.title}”</ExternalLink> : <>“{work.title}”</>}
          </h4>
          <Byline work={work} />
          {work.summary && <p className="summary">{work.summary}</p>}
          <CitedBy urls={work.citedBy} nameOf={nameOf} />
        </article>
      ))}
      {companions.map((work) => (
        <p key={work.title} className="companion">
          <span className="companion-label">{t('panel_it_became')}</span>{' '}
          {work.url ? <ExternalLink href={work.url}>{work.title}</ExternalLink> : <cite>{work.title}</cite>}
          {`, ${kindLine(work)}${work.published ? `, ${formatPartialDate(work.published, language)}` : ''}.`}
          {work.summary && <> {work.summary}</>} <CitedBy urls={work.citedBy} nameOf={nameOf} inline />
        </p>
      ))}
    </section>
  );
}
