import { useEffect, useState, type KeyboardEvent } from 'react';
import { MAX_NOTE_LENGTH, type WatchlistEntry } from '@/lib/db/schema';
import { t } from '@/lib/i18n/t';

export const NOTE_HINT_ID = 'note-hint';

/**
 * The viewer's private note, plain text in a textarea. Saved when the box is left or on
 * Ctrl/Cmd+Enter; what is being typed is never replaced by a change from another page, and a
 * failed save keeps it in the box.
 */
export function NoteEditor({ entry, save }: { entry: WatchlistEntry; save: (note: string) => Promise<boolean> }) {
  const stored = entry.note ?? '';
  const [draft, setDraft] = useState(stored);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    if (!editing) setDraft(stored);
  }, [stored, editing]);

  async function commit() {
    if (draft.trim() === stored) {
      setEditing(false);
      return;
    }
    if (await save(draft)) setEditing(false);
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
