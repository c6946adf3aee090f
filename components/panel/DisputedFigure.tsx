import type { DisputedFigure as Figure } from '@/lib/model';
import { formatRange } from '@/lib/format';
import { t, uiLanguage } from '@/lib/i18n/t';
import { ExternalLink } from '../shared/ExternalLink';

/** A count nobody agrees on: the range up front, then who says what, each with its source. */
export function DisputedFigure({ figure, nameOf }: { figure: Figure; nameOf: (url: string) => string }) {
  return (
    <div className="figure" data-figure={figure.label}>
      <p className="figure-headline">
        <span className="figure-label">{figure.label}</span>{' '}
        <strong className="figure-range">{formatRange(figure.low, figure.high, uiLanguage())}</strong>{' '}
        <span className="figure-note">{t('panel_disputed')}</span>
      </p>
      <p className="figure-summary">{figure.summary}</p>
      <details className="claims">
        <summary>{t('panel_who_says_what', figure.claims.length)}</summary>
        <ul>
          {figure.claims.map((claim) => (
            <li key={`${claim.figure}|${claim.who}`}>
              <strong>{claim.figure}</strong>: {claim.who}
              {claim.when ? `, ${claim.when}` : ''} (<ExternalLink href={claim.url}>{nameOf(claim.url)}</ExternalLink>)
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
