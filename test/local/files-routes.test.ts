import { movableClock } from '../../local/clock';
import { localDeps, openLocalStore } from '../../local/deps';
import { MAX_UPLOAD_BYTES } from '../../local/files-routes';
import { seedIfEmpty } from '../../local/seed';
import { startStandIn, type StandIn } from '../../local/server';
import { fakeH5Build } from './stand-in';

// The file routes need no function; the registry is left out so these tests stand alone.
jest.mock('../../cloudfunctions/registry', () => ({ handlers: {} }));

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

let standIn: StandIn;
let deps: ReturnType<typeof localDeps>;
const clock = movableClock();

beforeAll(async () => {
  const store = openLocalStore(':memory:');
  await seedIfEmpty(store, clock);
  deps = localDeps(store, clock);
  standIn = await startStandIn({ deps, staticDir: fakeH5Build(), port: 0, timers: false, log: () => undefined, functions: {} });
});
afterAll(() => standIn.close());
afterEach(() => clock.set(null));

const upload = (body: Buffer, type: string, openid: string | null = 'demo-villager-1') =>
  fetch(`${standIn.url}/api/files`, {
    method: 'POST',
    body: new Uint8Array(body),
    headers: { 'content-type': type, ...(openid === null ? {} : { 'x-dev-openid': openid }) },
  });

describe("the stand-in's file routes", () => {
  it("stores a bound user's photo and answers its id, which the functions then know", async () => {
    const res = await upload(JPEG, 'image/jpeg');
    expect(res.status).toBe(200);
    const { fileID } = (await res.json()) as { fileID: string };
    expect(fileID).toMatch(/^local:\/\/[0-9a-f]{64}\.jpg$/);
    expect(await deps.files.exists([fileID])).toEqual([true]);
  });

  it('serves a file only through a signed link, with its type, until the link expires', async () => {
    const { fileID } = (await (await upload(PNG, 'image/png; charset=binary')).json()) as { fileID: string };
    const [url] = await deps.files.temporaryUrls([fileID]);
    const ok = await fetch(standIn.url + url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(ok.headers.get('cache-control')).toBe('private, max-age=600');
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(PNG);

    const bare = url.split('?')[0];
    const later = url.replace(/exp=(\d+)/, (_m, exp: string) => `exp=${Number(exp) + 60}`);
    for (const forged of [bare, `${bare}?exp=99999999999&sig=${'0'.repeat(64)}`, later]) {
      const res = await fetch(standIn.url + forged);
      expect({ forged, status: res.status }).toEqual({ forged, status: 403 });
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    }
    clock.set(new Date(Date.now() + 11 * 60 * 1000));
    expect((await fetch(standIn.url + url)).status).toBe(403);
  });

  it('offers the ledger as a download named 心愿台账.xlsx', async () => {
    const id = await deps.files.save(
      'ledgers/x.xlsx',
      Buffer.from('PK\x03\x04'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const [url] = await deps.files.temporaryUrls([id]);
    const res = await fetch(standIn.url + url);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('心愿台账.xlsx')}`);
  });

  it('refuses uploads from nobody or from someone not bound', async () => {
    const anonymous = await upload(JPEG, 'image/jpeg', null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'COMMON.UNAUTHENTICATED' } });
    const stranger = await upload(JPEG, 'image/jpeg', 'wx-nobody');
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toMatchObject({ error: { code: 'COMMON.NOT_BOUND' } });
  });

  it('refuses what is not a photo, whatever the header claims, and photos over 5 MB', async () => {
    expect((await upload(Buffer.from('<html>'), 'text/html')).status).toBe(415);
    expect((await upload(Buffer.from('<html><script>'), 'image/jpeg')).status).toBe(415);
    expect((await upload(JPEG, 'image/png')).status).toBe(415);
    const big = Buffer.concat([JPEG, Buffer.alloc(MAX_UPLOAD_BYTES)]);
    const res = await upload(big, 'image/jpeg');
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'COMMON.BAD_REQUEST' } });
  });

  it('answers other methods 405', async () => {
    expect((await fetch(`${standIn.url}/api/files`)).status).toBe(405);
    expect((await fetch(`${standIn.url}/api/files/x.jpg`, { method: 'DELETE' })).status).toBe(405);
  });
});
