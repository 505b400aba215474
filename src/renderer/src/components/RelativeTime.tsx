import { formatAbsolute, formatAgo, formatDuration, since } from '../lib/time';
import { useNow } from '../lib/use-now';

interface RelativeTimeProps {
  iso: string;
  /** ago: "12 min ago"; duration: "12 min" (with an optional prefix, e.g. "waiting "). */
  mode?: 'ago' | 'duration';
  prefix?: string;
}

/** A time as people read it, with the exact time on hover and for assistive tech. */
export function RelativeTime({ iso, mode = 'ago', prefix = '' }: RelativeTimeProps) {
  const now = useNow();
  const text = mode === 'ago' ? formatAgo(iso, now) : formatDuration(since(iso, now));
  return (
    <time dateTime={iso} title={formatAbsolute(iso)}>
      {prefix}
      {text}
    </time>
  );
}
