import { z } from 'zod';
import { MAX_NOTE_LENGTH, WATCH_STATUSES, type WatchlistEntry } from '../db/schema';
import { ShowKeySchema, ShowKindSchema, SiteSchema } from '../model';
import { EARLIEST_DATE, LATEST_DATE, MAX_STORY_LINE_LENGTH, MAX_TITLE_LENGTH } from './limits';

const Title = z.string().trim().min(1).max(MAX_TITLE_LENGTH);
const StoryLine = z.string().trim().min(1).max(MAX_STORY_LINE_LENGTH);
const Timestamp = z.number().int().min(EARLIEST_DATE).max(LATEST_DATE);

/**
 * One watchlist entry as a file or a message may carry it. The same schema guards the options
 * page's preview and the background's write, so what was previewed is what may be written.
 * Unknown fields are dropped rather than stored.
 */
export const WatchlistEntrySchema = z.object({
  key: ShowKeySchema,
  title: Title,
  year: z.number().int().min(1880).max(2100).optional(),
  kind: ShowKindSchema,
  basedOn: StoryLine.optional(),
  inspiredBy: StoryLine.optional(),
  addedAt: Timestamp,
  where: z.object({
    site: SiteSchema,
    siteId: z.string().regex(/^\d{5,10}$/).optional(),
    title: Title,
  }),
  status: z.enum(WATCH_STATUSES),
  statusAt: Timestamp,
  // Not trimmed: the note is the viewer's own words, kept as written.
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
  updatedAt: Timestamp,
})
  .transform(withoutBlankNote) satisfies z.ZodType<WatchlistEntry>;

/**
 * The editor's rule: an empty note is no note. A blank one from a file is dropped (the field
 * itself, not kept as `undefined`), so it never shows as a note nor makes an entry look changed.
 */
function withoutBlankNote<Entry extends { note?: string | undefined }>(entry: Entry): Entry {
  if (entry.note === undefined || entry.note.trim() !== '') return entry;
  const { note: _blank, ...rest } = entry;
  return rest as Entry;
}
