import type { SourceWork } from '@/lib/model';
import { formatNames, formatPartialDate } from '@/lib/format';
import { ExternalLink } from '../shared/ExternalLink';
import { CitedBy } from './CitedBy';

const KIND_LABEL: Record<SourceWork['kind'], string> = {
  article: 'article',
  book: 'book',
  podcast: 'podcast',
  documentary: 'documentary',
  other: 'work',
};

function Byline({ work }: { work: SourceWork }) {
  const outlet = [work.outlet, ...(work.copublishers?.length ? [`with ${formatNames(work.copublishers)}`] : [])].filter(Boolean).join(' ');
  const parts = [work.authors.length ? `by ${formatNames(work.authors)}` : undefined, outlet || undefined, work.published ? formatPartialDate(work.published) : undefined];
  return <p className="byline">{parts.filter(Boolean).join(' · ')}</p>;
}

export function SourceSection({ works, nameOf }: { works: SourceWork[]; nameOf: (url: string) => string }) {
  const basis = works.filter((work) => work.relation === 'basis');
  const inspirations = works.filter((work) => work.relation === 'inspiration');
  const companions = works.filter((work) => work.relation === 'companion');
  // "Based on" is a strong claim: a show merely inspired by a work says so instead.
  const main = basis.length > 0 ? basis : inspirations;
  if (main.length === 0) return null;
  return (
    <section data-section="source" aria-labelledby="backstory-source-heading">
      <h3 id="backstory-source-heading">{basis.length > 0 ? 'Based on' : 'Inspired by'}</h3>
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
          <span className="companion-label">It became</span>{' '}
          {work.url ? <ExternalLink href={work.url}>{work.title}</ExternalLink> : <cite>{work.title}</cite>}
          {`, ${[work.outlet, KIND_LABEL[work.kind]].filter(Boolean).join(' ')}${work.published ? `, ${formatPartialDate(work.published)}` : ''}.`}
          {work.summary && <> {work.summary}</>} <CitedBy urls={work.citedBy} nameOf={nameOf} inline />
        </p>
      ))}
    </section>
  );
}
