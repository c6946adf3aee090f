import { useEffect, useState } from 'react';
import { canIdentify } from '@/lib/identify';
import { inLanguage } from '@/lib/i18n/localize-context';
import { t, uiLanguage } from '@/lib/i18n/t';
import { sendMessage, type TabShow } from '@/lib/messaging';

type Load = { state: 'loading' } | { state: 'ready'; show: TabShow } | { state: 'unsupported' };

/** This tab's show: what Backstory detected here, and a way to bring its panel up. */
export function CurrentShow({ tabId }: { tabId: number | undefined }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    if (tabId === undefined) {
      setLoad({ state: 'unsupported' });
      return;
    }
    let live = true;
    sendMessage('getTabShow', undefined, tabId).then(
      (show) => live && setLoad({ state: 'ready', show }),
      // No Backstory content script in that tab: not a supported site, or loaded before install.
      () => live && setLoad({ state: 'unsupported' }),
    );
    return () => {
      live = false;
    };
  }, [tabId]);

  async function openPanel() {
    if (tabId === undefined) return;
    try {
      const done = await sendMessage('openPanel', undefined, tabId);
      // The page's own refusal is not shown: it is worded by a script that has no room for translations.
      setMessage(t(done.ok ? 'popup_current_panel_shown' : 'popup_current_no_panel'));
    } catch {
      setMessage(t('popup_current_tab_silent'));
    }
  }

  return (
    <section data-section="current" aria-labelledby="current-heading" aria-busy={load.state === 'loading'}>
      <h2 id="current-heading">{t('popup_current_heading')}</h2>
      {load.state === 'loading' && <p className="muted">{t('popup_current_looking')}</p>}
      {load.state === 'unsupported' && <p className="muted">{t('popup_current_nothing_detected')}</p>}
      {load.state === 'ready' && <TabShowSummary show={load.show} onOpenPanel={() => void openPanel()} />}
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
    </section>
  );
}

function TabShowSummary({ show, onOpenPanel }: { show: TabShow; onOpenPanel: () => void }) {
  if (!show) return <p className="muted">{t('popup_current_no_show')}</p>;
  const { sighting, resolution } = show;
  const seenAs = sighting.title ?? t('popup_current_this_title');
  if (!resolution) {
    if (!canIdentify(sighting)) return <p className="muted">{t('popup_current_waiting_player')}</p>;
    return <p className="muted">{t('popup_current_looking_up', seenAs)}</p>;
  }
  if (resolution.status === 'none') return <p className="muted">{t('popup_current_no_story', seenAs)}</p>;
  if (resolution.status === 'error') return <p className="muted">{resolution.message}</p>;
  // Our own prose in the reader's language, as the panel shows it.
  const context = inLanguage(resolution.context, uiLanguage());
  return (
    <div className="current-show" data-show-key={context.key}>
      <h3>
        {context.title}
        {context.year ? <span className="muted"> ({context.year})</span> : null}
      </h3>
      {context.tagline && <p>{context.tagline}</p>}
      <button type="button" className="primary" data-action="open-panel" onClick={onOpenPanel}>
        {t('popup_current_open_panel')}
      </button>
    </div>
  );
}
