import { requestIdSchema } from '../../types';
import { newRequestId, randomSources } from './request-id';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it.each([
    ['Web Crypto', randomSources.webCrypto!],
    ['Math.random, as in the WeChat runtime', randomSources.mathRandom],
  ])('are version-4 UUIDs the contract accepts, drawn with %s', (_, source) => {
    const ids = Array.from({ length: 500 }, () => newRequestId(source));
    for (const id of ids) {
      expect(id).toMatch(UUID_V4);
      expect(requestIdSchema.safeParse(id).success).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sets the version and variant bits whatever the random bytes are', () => {
    expect(newRequestId((b) => b.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(newRequestId((b) => b.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
    expect(newRequestId((b) => b.forEach((_, i) => (b[i] = i)))).toBe('00010203-0405-4607-8809-0a0b0c0d0e0f');
  });

  it('draws from Web Crypto where the runtime has it', () => {
    expect(randomSources.webCrypto).not.toBeNull();
    const spy = jest.spyOn(crypto, 'getRandomValues');
    newRequestId();
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});
