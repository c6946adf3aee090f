import { useEffect, useState } from 'react';
import { canIdentify } from '@/lib/identify';
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
      setMessage(done.ok ? 'Shown on the page.' : done.message);
    } catch {
      setMessage('That tab is not answering; reload it and try again.');
    }
  }

  return (
    <section data-section="current" aria-labelledby="current-heading" aria-busy={load.state === 'loading'}>
      <h2 id="current-heading">On this tab</h2>
      {load.state === 'loading' && <p className="muted">Looking…</p>}
      {load.state === 'unsupported' && <p className="muted">Nothing detected here. Backstory works on Netflix title pages, detail views and the player.</p>}
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
  if (!show) return <p className="muted">No show is open on this page. Open a title on Netflix to see its real story.</p>;
  const { sighting, resolution } = show;
  const seenAs = sighting.title ?? 'this title';
  if (!resolution) {
    if (!canIdentify(sighting)) return <p className="muted">Waiting for the player to show the title…</p>;
    return <p className="muted">Looking up “{seenAs}”…</p>;
  }
  if (resolution.status === 'none') return <p className="muted">No real story on file for “{seenAs}”.</p>;
  if (resolution.status === 'error') return <p className="muted">{resolution.message}</p>;
  const { context } = resolution;
  return (
    <div className="current-show" data-show-key={context.key}>
      <h3>
        {context.title}
        {context.year ? <span className="muted"> ({context.year})</span> : null}
      </h3>
      {context.tagline && <p>{context.tagline}</p>}
      <button type="button" className="primary" data-action="open-panel" onClick={onOpenPanel}>
        Show the real story on the page
      </button>
    </div>
  );
}
