import { useCallback, useRef } from 'react';
import { uploadPhoto } from '../services/upload';
import { CloudError } from '../services/cloud';

async function uploadOne(path: string, index: number): Promise<string> {
  try {
    return await uploadPhoto(path);
  } catch (e) {
    if (e instanceof CloudError) throw e;
    throw new CloudError('PHOTO.UPLOAD_FAILED', `第 ${index + 1} 张照片没能传上去，请检查网络后再点一次`);
  }
}

/**
 * Uploads a form's photos (local paths) just before the form is sent and answers their file ids,
 * in order. A photo uploaded once is not uploaded again when the send is retried, so a weak
 * network pays for each photo once.
 */
export function usePhotoUpload(): (paths: readonly string[]) => Promise<string[]> {
  const uploaded = useRef(new Map<string, string>());
  return useCallback(async (paths: readonly string[]) => {
    const ids: string[] = [];
    // One at a time: on a weak signal parallel uploads all stall together.
    for (const [i, path] of paths.entries()) {
      const id = uploaded.current.get(path) ?? (await uploadOne(path, i));
      uploaded.current.set(path, id);
      ids.push(id);
    }
    return ids;
  }, []);
}
