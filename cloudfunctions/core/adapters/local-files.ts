import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileStore } from '../ports/files';

/** Where the bytes sit: a folder on disk for the stand-in, a Map for tests. */
export interface Blobs {
  read(name: string): Promise<Uint8Array | null>;
  has(name: string): Promise<boolean>;
  write(name: string, bytes: Uint8Array): Promise<void>;
}

export function diskBlobs(dir: string): Blobs {
  const missing = (e: unknown) => (e as NodeJS.ErrnoException)?.code === 'ENOENT';
  return {
    async read(name) {
      try {
        return await readFile(join(dir, name));
      } catch (e) {
        if (missing(e)) return null;
        throw e;
      }
    },
    async has(name) {
      try {
        return (await stat(join(dir, name))).isFile();
      } catch (e) {
        if (missing(e)) return false;
        throw e;
      }
    },
    async write(name, bytes) {
      await mkdir(dir, { recursive: true });
      // Written aside and renamed, so a reader never serves half a photo.
      const partial = join(dir, `${name}.${randomBytes(4).toString('hex')}.part`);
      await writeFile(partial, bytes);
      await rename(partial, join(dir, name));
    },
  };
}

export function memoryBlobs(): Blobs {
  const files = new Map<string, Uint8Array>();
  return {
    read: async (name) => files.get(name) ?? null,
    has: async (name) => files.has(name),
    write: async (name, bytes) => void files.set(name, Uint8Array.from(bytes)),
  };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The only kinds of file the app stores: photos from the phone and the ledger it makes. */
const extensionOf: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  [XLSX_TYPE]: 'xlsx',
};
const typeOf: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(extensionOf).map(([t, e]) => [e, t]));

export const PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];
export const LOCAL_ID_PREFIX = 'local://';
const NAME = /^[0-9a-f]{64}\.(jpg|png|webp|xlsx)$/;
/** Matches CloudBase's temporary links, which the port promises to last about ten minutes. */
export const LINK_SECONDS = 600;

export interface OpenedFile {
  bytes: Uint8Array;
  contentType: string;
}

/** The stand-in's file store, with what its HTTP routes need besides the port. */
export interface LocalFileStore extends FileStore {
  /** Stores a photo the H5 client uploaded; throws on a type the app does not take. */
  upload(bytes: Uint8Array, contentType: string): Promise<string>;
  /** The file a link names, or null when the link is forged, expired, or names nothing. */
  open(name: string, exp: string | null, sig: string | null): Promise<OpenedFile | null>;
}

/**
 * Files named by their content's SHA-256 (`local://<hash>.<ext>`): an upload sent twice is stored
 * once. Links are `/api/files/<name>?exp=…&sig=…`, signed with a secret that lives only as long as
 * the process, so a link cannot be guessed, and it stops working after LINK_SECONDS or a restart.
 */
export function localFiles(blobs: Blobs, now: () => Date, secret: Uint8Array = randomBytes(32)): LocalFileStore {
  const nameOf = (fileId: string): string | null => {
    if (typeof fileId !== 'string' || !fileId.startsWith(LOCAL_ID_PREFIX)) return null;
    const name = fileId.slice(LOCAL_ID_PREFIX.length);
    return NAME.test(name) ? name : null;
  };
  const sign = (name: string, exp: number) => createHmac('sha256', secret).update(`${name}\n${exp}`).digest('hex');
  const nowSeconds = () => Math.floor(now().getTime() / 1000);

  async function store(bytes: Uint8Array, contentType: string): Promise<string> {
    const ext = extensionOf[contentType];
    if (!ext) throw new Error(`local files: unsupported content type ${contentType}`);
    const name = `${createHash('sha256').update(bytes).digest('hex')}.${ext}`;
    if (!(await blobs.has(name))) await blobs.write(name, bytes);
    return LOCAL_ID_PREFIX + name;
  }

  return {
    async temporaryUrls(fileIds) {
      const exp = nowSeconds() + LINK_SECONDS;
      return Promise.all(
        fileIds.map(async (id) => {
          const name = nameOf(id);
          if (!name || !(await blobs.has(name))) return '';
          return `/api/files/${name}?exp=${exp}&sig=${sign(name, exp)}`;
        }),
      );
    },
    async exists(fileIds) {
      return Promise.all(fileIds.map(async (id) => (nameOf(id) ? blobs.has(nameOf(id)!) : false)));
    },
    // The path matters to CloudBase's folders only; here the content names the file.
    save: (_path, bytes, contentType) => store(bytes, contentType),
    async upload(bytes, contentType) {
      if (!PHOTO_TYPES.includes(contentType)) throw new Error(`local files: not a photo (${contentType})`);
      return store(bytes, contentType);
    },
    async open(name, exp, sig) {
      if (!NAME.test(name) || !exp || !/^\d{1,12}$/.test(exp) || !sig || !/^[0-9a-f]{64}$/.test(sig)) return null;
      if (Number(exp) < nowSeconds()) return null;
      const expected = Buffer.from(sign(name, Number(exp)), 'hex');
      if (!timingSafeEqual(expected, Buffer.from(sig, 'hex'))) return null;
      const bytes = await blobs.read(name);
      return bytes ? { bytes, contentType: typeOf[name.split('.')[1]] } : null;
    },
  };
}
