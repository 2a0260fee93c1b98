import Taro from '@tarojs/taro';
import { CALL_TIMEOUT_MS } from './cloud-failures';
import { CloudError } from './cloud';
import { newRequestId } from './request-id';

/** A photo is far bigger than a call's payload; on a village's weak signal it gets twice a call's wait. */
export const UPLOAD_TIMEOUT_MS = 2 * CALL_TIMEOUT_MS;

export const uploadMessages = {
  'UPLOAD.GAVE_UP': `网络太慢，照片等了 ${UPLOAD_TIMEOUT_MS / 1000} 秒还没传上去。请到信号好一点的地方再试一次`,
  'UPLOAD.NETWORK': '网络不给力，照片没有传上去，请检查网络后重试',
  'UPLOAD.TOO_BIG': '照片太大了（最多 5 MB），请换一张或重新拍',
  'UPLOAD.NOT_PHOTO': '只能上传照片（JPG、PNG 或 WebP 格式）',
  'UPLOAD.NOT_BOUND': '请先用邀请码绑定身份，再上传照片',
  'UPLOAD.FAILED': '照片没有传上去，请稍后再试',
} as const;
export type UploadCode = keyof typeof uploadMessages;

const failed = (code: UploadCode) => new CloudError(code, uploadMessages[code]);

function withDeadline<T>(upload: Promise<T>, onGiveUp: () => void = () => undefined): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onGiveUp();
      reject(failed('UPLOAD.GAVE_UP'));
    }, UPLOAD_TIMEOUT_MS);
  });
  return Promise.race([upload, deadline]).finally(() => clearTimeout(timer));
}

/** The extension cloud storage names the file with; chooseImage gives JPEG unless the album held something else. */
const extensionOf = (path: string): string => /\.(jpe?g|png|webp)$/i.exec(path)?.[1]?.toLowerCase().replace('jpeg', 'jpg') ?? 'jpg';

async function uploadToCloud(localPath: string): Promise<string> {
  // A random name: photos of a household's home must not sit at a path anyone could guess.
  const cloudPath = `wish-photos/${newRequestId().replace(/-/g, '')}.${extensionOf(localPath)}`;
  let res: { fileID?: string };
  try {
    res = await withDeadline(Taro.cloud.uploadFile({ cloudPath, filePath: localPath }));
  } catch (e) {
    if (e instanceof CloudError) throw e;
    const { errMsg } = (e ?? {}) as { errMsg?: unknown };
    console.error('[upload] cloud.uploadFile failed', { errMsg });
    throw failed(
      /timeout|network|offline|fail.*request/i.test(typeof errMsg === 'string' ? errMsg : '') ? 'UPLOAD.NETWORK' : 'UPLOAD.FAILED',
    );
  }
  if (!res?.fileID) throw failed('UPLOAD.FAILED');
  return res.fileID;
}

const byStatus: Record<number, UploadCode> = {
  413: 'UPLOAD.TOO_BIG',
  415: 'UPLOAD.NOT_PHOTO',
  401: 'UPLOAD.NOT_BOUND',
  403: 'UPLOAD.NOT_BOUND',
};

/** The stand-in takes the photo's bytes as the body (local/files-routes.ts), as the chosen demo user. */
async function uploadToStandIn(localPath: string): Promise<string> {
  // Behind the build constant, as in cloud.ts: webpack then leaves the dev module out of the WeChat build.
  const devOpenid =
    process.env.TARO_ENV === 'h5'
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports -- a static import would put the dev module in the WeChat build
        (require('./dev-identity') as typeof import('./dev-identity')).devOpenid
      : () => null;
  const abort = new AbortController();
  const send = async () => {
    let res: Response;
    try {
      // H5's chooseImage hands out a blob: URL of the picked file.
      const photo = await (await fetch(localPath, { signal: abort.signal })).blob();
      res = await fetch('/api/files', {
        method: 'POST',
        body: photo,
        headers: { 'content-type': photo.type || 'image/jpeg', 'x-dev-openid': devOpenid() ?? '' },
        signal: abort.signal,
      });
    } catch (e) {
      if (abort.signal.aborted) throw failed('UPLOAD.GAVE_UP');
      console.error('[upload] stand-in upload failed', { reason: String(e) });
      throw failed('UPLOAD.NETWORK');
    }
    if (res.status !== 200) throw failed(byStatus[res.status] ?? 'UPLOAD.FAILED');
    const body = (await res.json().catch(() => null)) as { fileID?: unknown } | null;
    if (typeof body?.fileID !== 'string') throw failed('UPLOAD.FAILED');
    return body.fileID;
  };
  return withDeadline(send(), () => abort.abort());
}

/**
 * Uploads a photo the person picked and answers the id the functions take (`cloud://…` on WeChat,
 * `local://…` on the stand-in). Fails with a CloudError whose message is Chinese and says what to do.
 */
export function uploadPhoto(localPath: string): Promise<string> {
  return process.env.TARO_ENV === 'h5' ? uploadToStandIn(localPath) : uploadToCloud(localPath);
}
