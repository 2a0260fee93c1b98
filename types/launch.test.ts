import { launchParams, MAX_SCENE_LENGTH, pageLink, sceneOf } from './launch';

describe("a 小程序码's scene", () => {
  it('packs page parameters as key=value pairs', () => {
    expect(sceneOf({ code: 'ABCD2345' })).toBe('code=ABCD2345');
    expect(sceneOf({ a: '1', b: 'x-y' })).toBe('a=1&b=x-y');
  });

  it(`refuses what WeChat would: over ${MAX_SCENE_LENGTH} characters, or a character it does not take`, () => {
    expect(() => sceneOf({ k: 'x'.repeat(MAX_SCENE_LENGTH - 2) })).not.toThrow();
    expect(() => sceneOf({ k: 'x'.repeat(MAX_SCENE_LENGTH - 1) })).toThrow('do not fit in a scene');
    expect(() => sceneOf({ k: '王' })).toThrow('do not fit');
    expect(() => sceneOf({ k: '50%' })).toThrow('do not fit');
    expect(() => sceneOf({ k: 'a b' })).toThrow('do not fit');
  });

  it('refuses a value that would read back as another pair', () => {
    expect(() => sceneOf({ k: 'a&b=c' })).toThrow('do not fit');
  });
});

describe('the parameters a page was opened with', () => {
  it('are the query of a link', () => {
    expect(launchParams({ code: 'ABCD2345', tab: 'x' })).toEqual({ code: 'ABCD2345', tab: 'x' });
  });

  it('are unpacked from a scene, URL-encoded as WeChat hands it, or not', () => {
    expect(launchParams({ scene: 'code%3DABCD2345%26n%3D1' })).toEqual({ code: 'ABCD2345', n: '1' });
    expect(launchParams({ scene: 'code=ABCD2345' })).toEqual({ code: 'ABCD2345' });
  });

  it("let the query's own key win over the scene's", () => {
    expect(launchParams({ scene: 'code%3DAAAA2222', code: 'BBBB3333' })).toEqual({ code: 'BBBB3333' });
  });

  it('survive a malformed escape, an empty or missing query and a key such as __proto__', () => {
    expect(launchParams({ scene: 'code=AB%E0' })).toEqual({ code: 'AB%E0' });
    expect(launchParams(undefined)).toEqual({});
    expect(launchParams({ scene: '' })).toEqual({});
    const odd = launchParams({ scene: '__proto__=x' });
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype);
    expect(Object.keys(odd)).toEqual(['__proto__']);
  });
});

describe('a page link', () => {
  it('puts the parameters in the query, encoded', () => {
    expect(pageLink('/pages/bind/index', { code: 'ABCD2345' })).toBe('/pages/bind/index?code=ABCD2345');
    expect(pageLink('/pages/x/index', { q: 'a b&c' })).toBe('/pages/x/index?q=a%20b%26c');
    expect(pageLink('/pages/x/index', {})).toBe('/pages/x/index');
  });
});
