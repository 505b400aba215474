import { memo } from 'react';
import type { MessageId } from '../../../shared/i18n/translator';
import { useFormats, useT } from '../i18n/i18n-store';
import { since } from '../lib/time';
import { useNow } from '../lib/use-now';

interface RelativeTimeProps {
  iso: string;
  /** ago: "12 min. ago"; duration: "12 min". */
  mode?: 'ago' | 'duration';
  /** A message around the time, its `{time}`: "waiting {time}". */
  message?: MessageId;
}

/**
 * A time as people read it, with the exact time on hover and for assistive tech. Memoised: a
 * table re-rendering its rows (a queue position moved) does not say every age again; the
 * shared clock (`useNow`) re-renders it when the time moves on.
 */
export const RelativeTime = memo(function RelativeTime({ iso, mode = 'ago', message }: RelativeTimeProps) {
  const t = useT();
  const formats = useFormats();
  const now = useNow();
  const time = mode === 'ago' ? formats.ago(iso, now) : formats.duration(since(iso, now));
  return (
    <time dateTime={iso} title={formats.absolute(iso)}>
      {message ? t(message, { time }) : time}
    </time>
  );
});
