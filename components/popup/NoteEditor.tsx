import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { MAX_NOTE_LENGTH, type WatchlistEntry } from '@/lib/db/schema';
import { t } from '@/lib/i18n/t';

export const NOTE_HINT_ID = 'note-hint';

/**
 * The viewer's private note, plain text in a textarea. Saved when the box is left or on
 * Ctrl/Cmd+Enter. What is being typed is never replaced by a change from another page, a failed
 * save keeps it in the box, and a saved note does not blink back to the old text while storage
 * catches up.
 */
export function NoteEditor({ entry, save }: { entry: WatchlistEntry; save: (note: string) => Promise<boolean> }) {
  const stored = entry.note ?? '';
  const [draft, setDraft] = useState(stored);
  const [editing, setEditing] = useState(false);
  const latestDraft = useRef(draft);
  latestDraft.current = draft;
  /** The stored note when our save went out: until storage shows something else, the box keeps our text. */
  const savedOver = useRef<string>(undefined);

  useEffect(() => {
    if (editing) return;
    if (savedOver.current !== undefined && stored === savedOver.current) return;
    savedOver.current = undefined;
    setDraft(stored);
  }, [stored, editing]);

  async function commit() {
    const value = draft;
    if (value.trim() === stored) {
      setEditing(false);
      return;
    }
    const before = stored;
    if (!(await save(value))) return;
    savedOver.current = before;
    // Typing went on while it was saved: that is a new edit, still to be saved.
    if (latestDraft.current === value) setEditing(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void commit();
    }
  }

  const id = `note-${entry.key}`;
  return (
    <div className="entry-note">
      <label htmlFor={id} className="visually-hidden">
        {t('popup_note_label', entry.title)}
      </label>
      <textarea
        id={id}
        data-field="note"
        rows={2}
        maxLength={MAX_NOTE_LENGTH}
        value={draft}
        placeholder={t('popup_note_placeholder')}
        aria-describedby={NOTE_HINT_ID}
        onChange={(event) => {
          setEditing(true);
          setDraft(event.currentTarget.value);
        }}
        onBlur={() => void commit()}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
