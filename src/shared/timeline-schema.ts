// The stored form of what the desk says about a timeline event (see ./timeline.ts): main
// checks the `case_events.detail_message` column's JSON against it when it reads a row. zod
// at run time: main's only (the renderer imports these as types, or zod joins its bundle and
// its eval probe breaks the CSP).
import { z } from 'zod';
import { CASE_REASONS, OUTCOMES, PRIORITIES } from './domain';
import type { MessageId } from './i18n/translator';

/** The case details a supervisor edits whose values are free text (or a date). */
export const EDITED_TEXT_FIELDS = ['orderNumber', 'product', 'purchaseDate', 'description'] as const;
export type EditedTextField = (typeof EDITED_TEXT_FIELDS)[number];

const message = <Id extends MessageId, V extends z.ZodRawShape>(id: Id, values: V) =>
  z.object({ id: z.literal(id), values: z.object(values) });

const agent = z.string().nullable();

export const timelineMessageSchema = z.discriminatedUnion('id', [
  message('timeline.detailOutcome', { outcome: z.enum(OUTCOMES) }),
  message('timeline.detailPriority', { from: z.enum(PRIORITIES), to: z.enum(PRIORITIES) }),
  z.object({
    id: z.literal('timeline.detailChanged'),
    values: z.union([
      z.object({ field: z.enum(EDITED_TEXT_FIELDS), from: z.string().nullable(), to: z.string().nullable() }),
      z.object({ field: z.literal('reason'), from: z.enum(CASE_REASONS), to: z.enum(CASE_REASONS) }),
    ]),
  }),
  message('timeline.detailWasResolved', { outcome: z.enum(OUTCOMES) }),
  message('timeline.detailWasResolvedNote', { outcome: z.enum(OUTCOMES), note: z.string() }),
  message('timeline.detailSentBack', {}),
  message('timeline.detailOffDuty', { agent }),
  message('timeline.detailRemoved', { agent }),
  message('timeline.detailFrom', { agent }),
  message('timeline.detailSwapped', { reference: z.string(), agent }),
]);
export type TimelineMessage = z.infer<typeof timelineMessageSchema>;

/** As the `case_events.detail_message` column holds it: a JSON list, oldest line first. */
export const timelineMessagesSchema = z.array(timelineMessageSchema);

/** The stored messages of an event; none for rows written before they existed, or unreadable ones. */
export function parseTimelineMessages(stored: string | null): TimelineMessage[] {
  if (stored === null) return [];
  try {
    const parsed = timelineMessagesSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
