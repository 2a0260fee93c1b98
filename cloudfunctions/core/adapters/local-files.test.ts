import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskBlobs, localFiles, memoryBlobs, XLSX_TYPE, type LocalFileStore } from './local-files';

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9]);

function setup(blobs = memoryBlobs()) {
  let now = new Date('2026-11-10T02:00:00Z');
  const files = localFiles(blobs, () => now);
  return { files, advance: (seconds: number) => (now = new Date(now.getTime() + seconds * 1000)) };
}

/** Follows a link the way the stand-in's GET route does. */
function follow(files: LocalFileStore, url: string) {
  const u = new URL(url, 'http://stand-in');
  const name = u.pathname.replace('/api/files/', '');
  return files.open(name, u.searchParams.get('exp'), u.searchParams.get('sig'));
}

describe('the local file store', () => {
  it('names a file by its content, so the same photo uploaded twice is one file', async () => {
    const { files } = setup();
    const a = await files.upload(JPEG, 'image/jpeg');
    expect(a).toMatch(/^local:\/\/[0-9a-f]{64}\.jpg$/);
    expect(await files.upload(JPEG, 'image/jpeg')).toBe(a);
    expect(await files.upload(PNG, 'image/png')).toMatch(/\.png$/);
  });

  it('takes photos only on upload, and the ledger only through save', async () => {
    const { files } = setup();
    await expect(files.upload(JPEG, 'text/html')).rejects.toThrow('not a photo');
    await expect(files.upload(JPEG, XLSX_TYPE)).rejects.toThrow('not a photo');
    await expect(files.save('ledgers/x.html', JPEG, 'text/html')).rejects.toThrow('unsupported');
    expect(await files.save('ledgers/2026.xlsx', JPEG, XLSX_TYPE)).toMatch(/\.xlsx$/);
  });

  it('says which ids name stored files; made-up, foreign and malformed ids do not', async () => {
    const { files } = setup();
    const id = await files.upload(JPEG, 'image/jpeg');
    const other = id.replace(/^local:\/\/./, (m) => (m.endsWith('0') ? 'local://1' : 'local://0'));
    expect(await files.exists([id, other, 'cloud://env.bucket/a.jpg', `${id}/../x`, '', id.replace('.jpg', '.png')])).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('hands out links in order, empty for a file that does not exist, that serve the bytes with their type', async () => {
    const { files } = setup();
    const id = await files.upload(PNG, 'image/png');
    const [missing, url] = await files.temporaryUrls(['local://' + 'a'.repeat(64) + '.jpg', id]);
    expect(missing).toBe('');
    expect(url).toMatch(/^\/api\/files\/[0-9a-f]{64}\.png\?exp=\d+&sig=[0-9a-f]{64}$/);
    expect(await follow(files, url)).toEqual({ bytes: PNG, contentType: 'image/png' });
  });

  it('stops serving a link after ten minutes', async () => {
    const { files, advance } = setup();
    const [url] = await files.temporaryUrls([await files.upload(JPEG, 'image/jpeg')]);
    advance(600);
    expect(await follow(files, url)).not.toBeNull();
    advance(1);
    expect(await follow(files, url)).toBeNull();
  });

  it('refuses a link whose expiry, name or signature was changed, and a link of another process', async () => {
    const { files } = setup();
    const jpg = await files.upload(JPEG, 'image/jpeg');
    const png = await files.upload(PNG, 'image/png');
    const [url] = await files.temporaryUrls([jpg]);
    const u = new URL(url, 'http://x');
    const exp = Number(u.searchParams.get('exp'));
    const sig = u.searchParams.get('sig')!;
    const name = u.pathname.replace('/api/files/', '');
    expect(await files.open(name, String(exp + 3600), sig)).toBeNull();
    expect(await files.open(png.slice('local://'.length), String(exp), sig)).toBeNull();
    expect(
      await files.open(
        name,
        String(exp),
        sig.replace(/^./, (c) => (c === '0' ? '1' : '0')),
      ),
    ).toBeNull();
    expect(await files.open(name, String(exp), null)).toBeNull();
    expect(await files.open(name, null, sig)).toBeNull();
    expect(await files.open(name, '1e12', sig)).toBeNull();
    expect(await files.open(`../${name}`, String(exp), sig)).toBeNull();
    // A restarted stand-in has a new secret: yesterday's links are dead.
    const restarted = localFiles(memoryBlobs(), () => new Date('2026-11-10T02:00:00Z'));
    await restarted.upload(JPEG, 'image/jpeg');
    expect(await follow(restarted, url)).toBeNull();
  });

  it('keeps files on disk in the folder it is given, across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uploads-'));
    try {
      const first = setup(diskBlobs(join(dir, 'uploads')));
      const id = await first.files.upload(JPEG, 'image/jpeg');
      expect(readdirSync(join(dir, 'uploads'))).toEqual([id.slice('local://'.length)]);
      const again = setup(diskBlobs(join(dir, 'uploads')));
      expect(await again.files.exists([id])).toEqual([true]);
      const [url] = await again.files.temporaryUrls([id]);
      expect((await follow(again.files, url))?.bytes).toEqual(Buffer.from(JPEG));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
