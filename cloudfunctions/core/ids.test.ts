import { hashId, requestDocId } from './ids';

describe('derived ids', () => {
  it('gives a fixed-length id for keys of any length', () => {
    expect(hashId('k')).toMatch(/^[0-9a-f]{32}$/);
    expect(hashId('x'.repeat(500))).toHaveLength(32);
    expect(hashId('a')).not.toBe(hashId('b'));
  });

  it('ties a request id to its caller', () => {
    expect(requestDocId('wx-1', 'r')).toBe(requestDocId('wx-1', 'r'));
    expect(requestDocId('wx-1', 'r')).not.toBe(requestDocId('wx-2', 'r'));
    expect(requestDocId('wx-1', 'r')).not.toBe(requestDocId('wx-1', 's'));
  });
});
