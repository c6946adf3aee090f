import type { ReviewQuote, Score } from '@/lib/model';
import { formatPartialDate } from '@/lib/format';
import { t, uiLanguage } from '@/lib/i18n/t';
import { ExternalLink } from '../shared/ExternalLink';
import { CitedBy } from './CitedBy';

/**
 * Quotes with critic, outlet, date and a link to the review; reviews we have no quote from are
 * links. When the critic's name comes from somewhere other than the review page, that source is
 * named too. Quotes stay in the language they were written in.
 */
export function ReviewsSection({ reviews, scores = [], nameOf }: { reviews: ReviewQuote[]; scores?: Score[]; nameOf: (url: string) => string }) {
  if (reviews.length === 0 && scores.length === 0) return null;
  const language = uiLanguage();
  const quoted = reviews.filter((review) => review.quote);
  const linked = reviews.filter((review) => !review.quote);
  return (
    <section data-section="reviews" aria-labelledby="backstory-reviews-heading">
      <h3 id="backstory-reviews-heading">{t('panel_reviews_heading')}</h3>
      {scores.length > 0 && (
        <p className="scores">
          {scores.map((score, index) => (
            <span key={score.by} data-score={score.by}>
              {index > 0 && ' · '}
              {score.url ? <ExternalLink href={score.url}>{score.by}</ExternalLink> : score.by} <strong>{score.value}</strong>
            </span>
          ))}
        </p>
      )}
      {quoted.map((review) => (
        <figure key={review.url} className="review" data-review={review.outlet}>
          <blockquote cite={review.url}>
            <p>“{review.quote}”</p>
          </blockquote>
          <figcaption>
            {review.critic ? `${review.critic}, ` : ''}
            <ExternalLink href={review.url}>{review.outlet}</ExternalLink>
            {review.published ? `, ${formatPartialDate(review.published, language)}` : ''}
            {review.rating ? ` · ${review.rating}` : ''} <CitedBy urls={review.citedBy} nameOf={nameOf} inline />
          </figcaption>
        </figure>
      ))}
      {linked.length > 0 && (
        <p className="more-reviews">
          {quoted.length > 0 ? t('panel_more_reviews') : t('panel_reviews')}{' '}
          {linked.map((review, index) => (
            <span key={review.url} data-review={review.outlet}>
              {index > 0 && ' · '}
              <ExternalLink href={review.url}>{review.outlet}</ExternalLink>
              {review.rating ? ` (${review.rating})` : ''}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
