import { t } from '@/lib/i18n/t';
import type { PanelNotice as Notice } from '@/lib/panel-bridge';

/**
 * The panel before there is a story: a skeleton in the shape of the panel while the lookup runs
 * (no endless spinner: the lookup either answers or fails with a message), or what failed.
 */
export function PanelNotice({ notice }: { notice: Notice }) {
  if (notice.kind === 'loading') {
    return (
      <aside data-backstory="panel" data-state="loading" className="panel skeleton" aria-busy="true" aria-label={t('panel_looking_up_label')}>
        <p className="brand">{t('panel_brand')}</p>
        <p className="visually-hidden" role="status">
          {t('panel_looking_up')}
        </p>
        <div aria-hidden="true">
          <div className="bone bone-title" />
          <div className="bone" />
          <div className="bone" />
          <div className="bone bone-short" />
        </div>
      </aside>
    );
  }
  return (
    <aside data-backstory="panel" data-state="error" className="panel problem" aria-label={t('panel_failed_label')}>
      <p className="brand">{t('panel_brand')}</p>
      <p role="alert">{notice.message || t('panel_lookup_failed')}</p>
      {notice.retry && (
        <button type="button" className="save" data-action="retry" onClick={notice.retry}>
          {t('panel_retry')}
        </button>
      )}
    </aside>
  );
}
