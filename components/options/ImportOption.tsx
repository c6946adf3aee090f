import { useId, useState, type ChangeEvent } from 'react';
import type { BackstoryDb, WatchlistEntry } from '@/lib/db/schema';
import { t } from '@/lib/i18n/t';
import { sendMessage } from '@/lib/messaging';
import type { ShowKey } from '@/lib/model';
import { MAX_IMPORT_FILE_BYTES } from '@/lib/watchlist-io/limits';
import { planImport, type ImportPlan } from '@/lib/watchlist-io/merge-plan';
import { parseWatchlistFile, type ImportProblem } from '@/lib/watchlist-io/parse-import';
import { formatCount } from './format';
import { ImportPreview } from './ImportPreview';
import { ImportProblems } from './ImportProblems';
import { readFileText } from './read-file';

type Step =
  | { step: 'choose' }
  | { step: 'reading' }
  | { step: 'refused'; fileName: string; problems: ImportProblem[]; moreProblems: number }
  | { step: 'preview'; fileName: string; entries: WatchlistEntry[]; plan: ImportPlan; busy: boolean }
  | { step: 'done'; added: number; updated: number; unchanged: number }
  | { step: 'failed'; message: string };

/** The preview is computed against the watchlist as it is now; the background decides again when writing. */
async function previewOf(db: BackstoryDb, entries: WatchlistEntry[]): Promise<ImportPlan> {
  const saved = await db.watchlist.bulkGet(entries.map((entry) => entry.key));
  return planImport(entries, new Map(saved.flatMap((entry) => (entry ? [[entry.key, entry] as [ShowKey, WatchlistEntry]] : []))));
}

/**
 * Import a JSON watchlist: choose a file, see what would change, confirm. A file with any problem
 * is refused whole, with every problem listed; nothing is written until the viewer confirms.
 */
export function ImportOption({ db }: { db: BackstoryDb }) {
  const inputId = useId();
  const [state, setState] = useState<Step>({ step: 'choose' });
  // A new input after each import, so choosing the same file again still reads it.
  const [inputKey, setInputKey] = useState(0);

  async function read(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    setState({ step: 'reading' });
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      setState({ step: 'refused', fileName: file.name, problems: [{ kind: 'file-too-large', bytes: file.size, limit: MAX_IMPORT_FILE_BYTES }], moreProblems: 0 });
      return;
    }
    try {
      const parsed = parseWatchlistFile(await readFileText(file), file.size);
      if (!parsed.ok) return setState({ step: 'refused', fileName: file.name, problems: parsed.problems, moreProblems: parsed.moreProblems });
      const plan = await previewOf(db, parsed.entries);
      setState({ step: 'preview', fileName: file.name, entries: parsed.entries, plan: { ...plan, duplicates: parsed.duplicates }, busy: false });
    } catch {
      setState({ step: 'failed', message: t('options_import_unreadable') });
    }
  }

  async function confirm(entries: WatchlistEntry[]) {
    setState((current) => (current.step === 'preview' ? { ...current, busy: true } : current));
    try {
      const result = await sendMessage('importWatchlist', { entries });
      setState(result.ok ? { step: 'done', added: result.added, updated: result.updated, unchanged: result.unchanged } : { step: 'failed', message: result.message });
    } catch {
      setState({ step: 'failed', message: t('options_import_no_answer') });
    }
    setInputKey((key) => key + 1);
  }

  function cancel() {
    setState({ step: 'choose' });
    setInputKey((key) => key + 1);
  }

  return (
    <section className="option" data-section="import" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('options_import_heading')}</h2>
      <p className="muted" id={`${inputId}-help`}>
        {t('options_import_help')}
      </p>
      <div className="file-choice">
        <label htmlFor={inputId}>{t('options_import_choose')}</label>
        <input
          key={inputKey}
          id={inputId}
          type="file"
          accept=".json,application/json"
          data-import-file=""
          aria-describedby={`${inputId}-help`}
          disabled={state.step === 'reading' || (state.step === 'preview' && state.busy)}
          onChange={(event) => void read(event)}
        />
      </div>
      {state.step === 'reading' && <p className="muted">{t('options_import_reading')}</p>}
      {state.step === 'refused' && <ImportProblems fileName={state.fileName} problems={state.problems} moreProblems={state.moreProblems} />}
      {state.step === 'preview' && (
        <ImportPreview fileName={state.fileName} plan={state.plan} busy={state.busy} onConfirm={() => void confirm(state.entries)} onCancel={cancel} />
      )}
      <div aria-live="polite" data-import-result="">
        {state.step === 'done' && (
          <p className="success">{t('options_import_done', formatCount(state.added), formatCount(state.updated), formatCount(state.unchanged))}</p>
        )}
        {state.step === 'failed' && <p className="notice">{state.message}</p>}
      </div>
    </section>
  );
}
