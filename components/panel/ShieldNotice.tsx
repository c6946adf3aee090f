import { t } from '@/lib/i18n/t';

/**
 * Where the spoiler shield holds something back: what is hidden, said plainly, and the one button
 * that shows it for this show. What is hidden is not in the page at all, so a screen reader cannot
 * read it out either.
 */
export function ShieldNotice({ level, onReveal }: { level: 'outcomes' | 'source-only'; onReveal(): void }) {
  return (
    <div className="shield" data-shield={level}>
      <p className="shield-note">{level === 'outcomes' ? t('panel_shield_outcomes') : t('panel_shield_source_only')}</p>
      <button type="button" className="reveal" data-action="reveal" onClick={onReveal}>
        {level === 'outcomes' ? t('panel_reveal_outcomes') : t('panel_reveal_all')}
      </button>
    </div>
  );
}
