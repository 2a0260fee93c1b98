import { codeFromKey, hashId, requestDocId } from './ids';

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

  it('draws the same code from the same key, from the alphabet only, spread over all of it', () => {
    const alphabet = 'ABC';
    expect(codeFromKey('k', 'ABCDEFG', 8)).toBe(codeFromKey('k', 'ABCDEFG', 8));
    expect(codeFromKey('k', 'ABCDEFG', 8)).not.toBe(codeFromKey('k2', 'ABCDEFG', 8));
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) for (const ch of codeFromKey(`k${i}`, alphabet, 1)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['A', 'B', 'C']);
    for (const n of counts.values()) expect(n).toBeGreaterThan(850);
    expect(codeFromKey('k', 'ABCDEFG', 80)).toHaveLength(80);
  });
});
