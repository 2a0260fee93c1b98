import type { FileStore } from '../ports/files';

/**
 * The slice of @cloudbase/node-sdk 3.18.3's app that the adapter uses (types/index.d.ts):
 * getTempFileURL answers one entry per file, with `code` 'SUCCESS' or a reason such as
 * 'STORAGE_FILE_NONEXIST' (src/storage/index.ts, the `download_list` of storage.batchGetDownloadUrl);
 * uploadFile takes a Buffer and answers the new file's `fileID`.
 */
export interface CbStorage {
  getTempFileURL(options: {
    fileList: { fileID: string; maxAge: number }[];
  }): Promise<{ fileList?: { code?: string; fileID?: string; tempFileURL?: string }[]; code?: string; message?: string }>;
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: string; code?: string; message?: string }>;
}

/** Private files' links last ten minutes on CloudBase anyway; asking for the same keeps the port's promise exact. */
export const LINK_MAX_AGE_SECONDS = 600;
/** getTempFileURL takes at most 50 ids per call (WeChat's storage reference). */
const BATCH = 50;

export interface CloudbaseFilesOptions {
  /** This environment's id: a fileID of another environment (or not a fileID at all) is treated as missing. */
  envId: string;
}

/**
 * CloudBase cloud storage. Photos come from the client (Taro.cloud.uploadFile) as `cloud://<env>.<bucket>/<path>`
 * ids; the function only turns them into short-lived links and checks that they exist, never making a file public.
 */
export function cloudbaseFiles(app: CbStorage, { envId }: CloudbaseFilesOptions): FileStore {
  const ours = (id: unknown): id is string =>
    typeof id === 'string' && envId !== '' && id.startsWith(`cloud://${envId}.`) && id.length <= 1024 && !/[\s]/.test(id);

  /** The link of each file of this environment that exists, '' for any other. */
  async function links(fileIds: readonly string[]): Promise<string[]> {
    const out = fileIds.map(() => '');
    const asked = [...new Set(fileIds.filter(ours))];
    const found = new Map<string, string>();
    for (let at = 0; at < asked.length; at += BATCH) {
      const batch = asked.slice(at, at + BATCH);
      const res = await app.getTempFileURL({ fileList: batch.map((fileID) => ({ fileID, maxAge: LINK_MAX_AGE_SECONDS })) });
      if (!Array.isArray(res?.fileList)) throw new Error(`getTempFileURL failed: ${res?.code ?? 'no fileList'} ${res?.message ?? ''}`);
      for (const f of res.fileList) {
        if (f.code === 'SUCCESS' && typeof f.fileID === 'string' && typeof f.tempFileURL === 'string' && f.tempFileURL) {
          found.set(f.fileID, f.tempFileURL);
        }
      }
    }
    fileIds.forEach((id, i) => (out[i] = found.get(id) ?? ''));
    return out;
  }

  return {
    temporaryUrls: links,
    async exists(fileIds) {
      return (await links(fileIds)).map((url) => url !== '');
    },
    async save(path, bytes) {
      // The content type follows the path's extension in cloud storage; the caller names the file.
      const res = await app.uploadFile({ cloudPath: path, fileContent: Buffer.from(bytes) });
      if (typeof res?.fileID !== 'string' || !res.fileID) throw new Error(`uploadFile failed: ${res?.code ?? ''} ${res?.message ?? ''}`);
      return res.fileID;
    },
  };
}
