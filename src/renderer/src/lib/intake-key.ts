// The intake form's idempotency key (issue 16, "Exactly once"): one per draft, sent with every
// press of "Log case" for that draft, so a retry after an answer that never came ("the desk is
// not answering") answers the case already logged instead of logging a second.

/** A random UUID (version 4). */
export function newIntakeKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Outside a secure context Chromium has no randomUUID; getRandomValues is everywhere.
  const bytes = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte, i) =>
    i === 6 ? (byte & 0x0f) | 0x40 : i === 8 ? (byte & 0x3f) | 0x80 : byte,
  );
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
