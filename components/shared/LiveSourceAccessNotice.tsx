import { t } from '@/lib/i18n/t';
import { useLiveSourceAccess } from './use-live-source-access';

/**
 * Said under the live-lookups switch (popup and options page) when lookups are on but the browser
 * withholds the hosts (Firefox lets the viewer refuse them): nothing is sent, and one click asks.
 */
export function LiveSourceAccessNotice({ enabled }: { enabled: boolean | undefined }) {
  const { access, requestAccess } = useLiveSourceAccess();
  if (!enabled || access !== false) return null;
  return (
    <p className="notice" role="status">
      {t('live_lookups_no_access')}{' '}
      <button type="button" className="link" data-action="grant-access" onClick={() => void requestAccess()}>
        {t('live_lookups_allow')}
      </button>
    </p>
  );
}
