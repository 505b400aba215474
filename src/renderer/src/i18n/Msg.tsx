import { Fragment, type ReactNode } from 'react';
import type { MessageId } from '../../../shared/i18n/translator';
import { useI18nStore } from './i18n-store';

/**
 * A message with elements among its values, e.g. a name isolated in `<bdi>` or a figure in
 * `<strong>`: `<Msg id="pulse.waiting" values={{ count, n: <strong>{count}</strong> }} />`.
 */
export function Msg({ id, values }: { id: MessageId; values: Record<string, ReactNode> }) {
  const translator = useI18nStore((s) => s.translator);
  const parts = translator.parts<ReactNode>(id, values);
  // One span: the sentence stays one box where its parent lays out children (a banner's text
  // is a wrapping flex row, which would set an isolated name apart from its full stop).
  return (
    <span>
      {parts.map((part, index) => (
        <Fragment key={index}>{part}</Fragment>
      ))}
    </span>
  );
}

/** Text someone typed (a name, an order number), isolated so its direction cannot reorder ours. */
export function UserText({ children }: { children: ReactNode }) {
  return <bdi>{children}</bdi>;
}
