// What the desk itself says about a timeline event, stored as data rather than words
// (issue 18): a catalogue id and primitive values, domain codes (an outcome, a priority,
// a field) rather than their English names. Main writes these; each window says them in
// its own language. What a person typed (a note, a reason) stays in the event's `detail`.
import { OUTCOME_MESSAGE, PRIORITY_MESSAGE, REASON_MESSAGE } from './domain';
import type { MessageId } from './i18n/translator';
import type { EditedTextField, TimelineMessage } from './timeline-schema';

export type { EditedTextField, TimelineMessage } from './timeline-schema';

const FIELD_MESSAGE = {
  orderNumber: 'field.orderNumber',
  product: 'field.product',
  purchaseDate: 'field.purchaseDate',
  description: 'field.description',
  reason: 'field.reason',
} as const satisfies Record<EditedTextField | 'reason', MessageId>;

/** Text a person typed (a product, a note, a name): shown as typed, isolated from ours. */
export interface Typed {
  typed: string;
}

/** A catalogue message with its values: words of ours, typed text, or further messages. */
export interface Words {
  id: MessageId;
  values: Record<string, Typed | Words>;
}

const label = (id: MessageId): Words => ({ id, values: {} });
const typed = (text: string): Typed => ({ typed: text });

/**
 * How a stored message is said: its catalogue id, with each domain code turned into the
 * catalogue message that names it and each typed value marked as typed. A window formats
 * the result in its language (the renderer with `<Msg>`, isolating typed text).
 */
export function timelineWords(message: TimelineMessage): Words {
  const someone = (name: string | null) => (name === null ? label('timeline.byAgent') : typed(name));
  switch (message.id) {
    case 'timeline.detailOutcome':
    case 'timeline.detailWasResolved':
      return { id: message.id, values: { outcome: label(OUTCOME_MESSAGE[message.values.outcome]) } };
    case 'timeline.detailWasResolvedNote':
      return {
        id: message.id,
        values: { outcome: label(OUTCOME_MESSAGE[message.values.outcome]), note: typed(message.values.note) },
      };
    case 'timeline.detailPriority':
      return {
        id: message.id,
        values: {
          from: label(PRIORITY_MESSAGE[message.values.from]),
          to: label(PRIORITY_MESSAGE[message.values.to]),
        },
      };
    case 'timeline.detailChanged': {
      const { values } = message;
      const shown = (value: string | null): Words =>
        value === null
          ? label('timeline.detailNone')
          : { id: 'timeline.detailValue', values: { value: typed(value) } };
      const [from, to] =
        values.field === 'reason'
          ? [label(REASON_MESSAGE[values.from]), label(REASON_MESSAGE[values.to])]
          : [shown(values.from), shown(values.to)];
      return { id: message.id, values: { field: label(FIELD_MESSAGE[values.field]), from, to } };
    }
    case 'timeline.detailSentBack':
      return label(message.id);
    case 'timeline.detailOffDuty':
    case 'timeline.detailRemoved':
    case 'timeline.detailFrom':
      return { id: message.id, values: { agent: someone(message.values.agent) } };
    case 'timeline.detailSwapped':
      return {
        id: message.id,
        values: { reference: typed(message.values.reference), agent: someone(message.values.agent) },
      };
  }
}
