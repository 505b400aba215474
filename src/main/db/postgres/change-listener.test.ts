import { describe, expect, it } from 'vitest';
import { decodeChange, encodeChange, MAX_PAYLOAD_BYTES } from './change-listener';

describe('the NOTIFY payload of a change', () => {
  it('carries entities and ids, read back as sent', () => {
    const change = {
      origin: 'o-1',
      entities: ['cases' as const, 'customers' as const],
      ids: { cases: [3], customers: [7] },
    };
    expect(decodeChange(encodeChange(change))).toEqual(change);
  });

  it('says reload instead of ids that would not fit in 8000 bytes', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => 1_000_000 + i);
    const payload = encodeChange({ origin: 'o-1', entities: ['cases'], ids: { cases: ids } });
    expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(decodeChange(payload)).toEqual({ origin: 'o-1', entities: ['cases'], ids: {}, reload: true });
  });

  it('ignores what is not a change', () => {
    expect(decodeChange('not json')).toBeNull();
    expect(decodeChange('{"entities":["cases"]}')).toBeNull();
    expect(decodeChange(undefined)).toBeNull();
    expect(decodeChange('{"origin":"x","entities":["cases","nope"],"ids":{"cases":[1,"2"]}}')).toEqual({
      origin: 'x',
      entities: ['cases'],
      ids: { cases: [1] },
    });
  });
});
