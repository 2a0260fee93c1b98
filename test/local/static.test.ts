import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasContentHash, IMMUTABLE } from '../../local/static';
import { startTestStandIn, type TestStandIn } from './stand-in';

describe('which file names carry a content hash', () => {
  it.each([
    ['app.3f2a9c1e.js', true],
    ['chunk/vendors.0123456789abcdef0123.js', true],
    ['static/images/logo-5d41402a.png', true],
    ['js/app.js', false],
    ['css/app.css', false],
    ['index.html', false],
    ['app.3f2a.js', false], // four hex digits: a name, not a hash
    ['deadbeef.js', false], // hex alone is a name: nothing before it
    ['app.3F2A9C1E.js', false], // webpack hashes are lower-case hex
    ['app.3f2a9c1e', false],
  ])('%s → %s', (file, expected) => {
    expect(hasContentHash(file)).toBe(expected);
  });
});

describe('the stand-in serves the H5 build', () => {
  let t: TestStandIn;
  beforeEach(async () => {
    t = await startTestStandIn();
    // Taro's H5 build: entry bundles without a hash in their names.
    mkdirSync(join(t.staticDir, 'js'));
    mkdirSync(join(t.staticDir, 'css'));
    writeFileSync(join(t.staticDir, 'js', 'app.js'), 'console.log("v1")');
    writeFileSync(join(t.staticDir, 'css', 'app.css'), 'body{color:red}');
  });
  afterEach(async () => {
    await t.close();
  });
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.url}${path}`, { headers });

  it('caches only hashed names for good', async () => {
    expect((await get('/app.3f2a9c1e.js')).headers.get('cache-control')).toBe(IMMUTABLE);
    for (const path of ['/js/app.js', '/css/app.css', '/', '/pages/index']) {
      const res = await get(path);
      expect({ path, cache: res.headers.get('cache-control') }).toEqual({ path, cache: 'no-cache' });
      expect(res.headers.get('etag')).toMatch(/^W\/".+"$/);
    }
  });

  it('answers 304 without a body to a matching If-None-Match, in any of its forms', async () => {
    const first = await get('/js/app.js');
    const etag = first.headers.get('etag')!;
    expect(await first.text()).toBe('console.log("v1")');
    for (const inm of [etag, etag.replace(/^W\//, ''), `"other", ${etag}`, '*']) {
      const again = await get('/js/app.js', { 'if-none-match': inm });
      expect({ inm, status: again.status }).toEqual({ inm, status: 304 });
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe('no-cache');
      expect(await again.text()).toBe('');
    }
    expect((await get('/js/app.js', { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it("sends the new client after a rebuild, even one that keeps the file's size", async () => {
    const before = await get('/js/app.js');
    const etag = before.headers.get('etag')!;
    writeFileSync(join(t.staticDir, 'js', 'app.js'), 'console.log("v2")');
    const after = await get('/js/app.js', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await after.text()).toBe('console.log("v2")');
  });

  it('gzips text for clients that take it, with the same validator', async () => {
    const plain = await get('/js/app.js');
    const res = await fetch(`${t.url}/app.3f2a9c1e.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const zipped = await get('/js/app.js', { 'accept-encoding': 'gzip' });
    expect(zipped.headers.get('etag')).toBe(plain.headers.get('etag'));
    // fetch undoes the gzip itself; the page fallback still reads as the app.
    expect(await (await get('/pages/index', { 'accept-encoding': 'gzip' })).text()).toContain('暖心驻村');
  });

  it('answers HEAD with the length and no body', async () => {
    const res = await fetch(`${t.url}/js/app.js`, { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String('console.log("v1")'.length));
    expect(await res.text()).toBe('');
  });

  it('refuses other methods with 405, broken encodings with 400, and never leaves the build folder', async () => {
    const posted = await fetch(`${t.url}/`, { method: 'POST', body: 'x' });
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/..%2f..%2fpackage.json')).status).toBe(403);
  });
});
