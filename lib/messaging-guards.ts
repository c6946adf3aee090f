import { z } from 'zod';
import { MAX_CARDS_PER_MESSAGE } from './messaging';
import { ShowKeySchema, SightingSchema } from './model';
import { WatchlistEntrySchema } from './watchlist-io/entry-schema';
import { MAX_IMPORT_ENTRIES } from './watchlist-io/limits';
import { MAX_NOTE_LENGTH, WATCH_STATUSES } from './db/schema';

/** What a message's sender must be, checked before its payload is even parsed. */
export type SenderRule = 'supported-tab' | 'extension-page';

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export const WatchlistChangeSchema = z.object({
  key: ShowKeySchema,
  saved: z.boolean(),
  sighting: SightingSchema.optional(),
});

/** A viewer's edit of a saved show: at least one of status and note (an empty note clears it). */
export const WatchlistEditSchema = z
  .object({
    key: ShowKeySchema,
    status: z.enum(WATCH_STATUSES).optional(),
    note: z.string().max(MAX_NOTE_LENGTH).optional(),
  })
  .strict()
  .refine((edit) => edit.status !== undefined || edit.note !== undefined, 'an edit changes the status, the note or both');

export const TitleQuerySchema = z.object({ text: z.string().trim().min(1).max(200), live: z.boolean() }).strict();

export const NoPayloadSchema = z.undefined().or(z.null()).or(z.object({}).strict());

export const payloadSchemas = {
  resolveSighting: SightingSchema,
  // Cards on browse and search rows, and the hover preview of one (the mini modal).
  resolveCards: z
    .array(SightingSchema.extend({ surface: z.enum(['card', 'mini']), siteId: SightingSchema.shape.siteId.unwrap(), title: SightingSchema.shape.title.unwrap() }))
    .max(MAX_CARDS_PER_MESSAGE),
  injectPanel: NoPayloadSchema,
  setWatchlisted: WatchlistChangeSchema,
  openWatchlistPage: NoPayloadSchema,
  importWatchlist: z.object({ entries: z.array(WatchlistEntrySchema).max(MAX_IMPORT_ENTRIES) }),
  clearCache: NoPayloadSchema,
  updateWatchlistEntry: WatchlistEditSchema,
  searchTitles: TitleQuerySchema,
} as const;

export class RejectedMessage extends Error {
  override name = 'RejectedMessage';
}

export interface SenderPolicy {
  extensionId: string;
  extensionOrigin: string;
  isSupportedPage(url: URL): boolean;
}

/**
 * Our own content scripts on a supported site, or our own extension pages; nobody else. Other
 * extensions can't reach runtime.onMessage, but a compromised or unexpected frame of ours could.
 */
export function checkSender(sender: SenderInfo, rule: SenderRule, policy: SenderPolicy): void {
  if (sender.id !== policy.extensionId) throw new RejectedMessage('message from another extension');
  const url = parseUrl(sender.url ?? sender.tab?.url);
  if (!url) throw new RejectedMessage('message without a sender URL');
  if (rule === 'extension-page') {
    // Not url.origin: for non-web schemes some engines give "null".
    if (`${url.protocol}//${url.host}` !== policy.extensionOrigin) throw new RejectedMessage('expected an extension page');
    return;
  }
  if (sender.tab?.id === undefined) throw new RejectedMessage('expected a tab');
  if (!policy.isSupportedPage(url)) throw new RejectedMessage(`not a supported site: ${url.host}`);
}

export function parsePayload<T>(schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`);
    throw new RejectedMessage(`malformed payload (${problems.join('; ')})`);
  }
  return result.data;
}

function parseUrl(raw: string | undefined): URL | undefined {
  if (!raw) return undefined;
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}
