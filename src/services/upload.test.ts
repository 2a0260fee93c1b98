import Taro from '@tarojs/taro';
import { CloudError } from './cloud';
import { setDevOpenid } from './dev-identity';
import { uploadMessages, uploadPhoto, UPLOAD_TIMEOUT_MS } from './upload';

const uploadFile = Taro.cloud.uploadFile as jest.Mock;
const fetchMock = jest.fn();
const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });

/** The stand-in's answers: first the blob: URL's photo, then the upload's status and body. */
const standInAnswers = (status: number, body: unknown) =>
  fetchMock.mockResolvedValueOnce({ blob: async () => photo }).mockResolvedValueOnce({ status, json: async () => body });

let logged: jest.SpyInstance;
beforeEach(() => {
  uploadFile.mockReset();
  fetchMock.mockReset();
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
  setDevOpenid('demo-villager-1');
  logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  logged.mockRestore();
  jest.useRealTimers();
});

describe('uploading a photo in the H5 build (the stand-in)', () => {
  it('posts the picked file as the chosen demo user and answers its id', async () => {
    standInAnswers(200, { fileID: 'local://abc.jpg' });
    await expect(uploadPhoto('blob:http://127.0.0.1:8787/1234')).resolves.toBe('local://abc.jpg');
    expect(fetchMock).toHaveBeenNthCalledWith(1, 'blob:http://127.0.0.1:8787/1234', expect.anything());
    expect(fetchMock).toHaveBeenNthCalledWith(
      2,
      '/api/files',
      expect.objectContaining({
        method: 'POST',
        body: photo,
        headers: { 'content-type': 'image/jpeg', 'x-dev-openid': 'demo-villager-1' },
      }),
    );
    expect(uploadFile).not.toHaveBeenCalled();
  });

  it.each([
    [413, '照片太大了（最多 5 MB），请换一张或重新拍'],
    [415, '只能上传照片（JPG、PNG 或 WebP 格式）'],
    [403, '请先用邀请码绑定身份，再上传照片'],
    [500, '照片没有传上去，请稍后再试'],
  ])('answers a refusal %i with what to do, in Chinese', async (status, message) => {
    standInAnswers(status, { ok: false });
    const err = await uploadPhoto('blob:x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudError);
    expect(err).toMatchObject({ message });
  });

  it('says the network failed when the request could not be sent', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(uploadPhoto('blob:x')).rejects.toMatchObject({ code: 'UPLOAD.NETWORK', message: uploadMessages['UPLOAD.NETWORK'] });
  });

  it('gives up after the deadline and aborts the request', async () => {
    jest.useFakeTimers();
    let signal: AbortSignal | undefined;
    fetchMock.mockImplementationOnce((_url: string, init: { signal: AbortSignal }) => {
      signal = init.signal;
      return new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted'))));
    });
    const upload = uploadPhoto('blob:x');
    const settled = jest.fn();
    upload.then(settled, settled);
    await jest.advanceTimersByTimeAsync(UPLOAD_TIMEOUT_MS - 1);
    expect(settled).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    await expect(upload).rejects.toMatchObject({ code: 'UPLOAD.GAVE_UP', message: expect.stringContaining('30 秒') });
    expect(signal?.aborted).toBe(true);
  });
});

describe('uploading a photo in the WeChat build', () => {
  const env = process.env.TARO_ENV;
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });
  afterEach(() => {
    process.env.TARO_ENV = env;
  });

  it('uploads to cloud storage under an unguessable name and answers the fileID', async () => {
    uploadFile.mockResolvedValueOnce({ fileID: 'cloud://env.bucket/wish-photos/x.jpg', statusCode: 204 });
    await expect(uploadPhoto('wxfile://tmp_abc.PNG')).resolves.toBe('cloud://env.bucket/wish-photos/x.jpg');
    const [{ cloudPath, filePath }] = uploadFile.mock.calls[0] as [{ cloudPath: string; filePath: string }];
    expect(filePath).toBe('wxfile://tmp_abc.PNG');
    expect(cloudPath).toMatch(/^wish-photos\/[0-9a-f]{32}\.png$/);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('names a photo without a known extension .jpg, and two uploads never share a name', async () => {
    uploadFile.mockResolvedValue({ fileID: 'cloud://x' });
    await uploadPhoto('http://tmp/abc');
    await uploadPhoto('http://tmp/abc');
    const paths = uploadFile.mock.calls.map(([p]: [{ cloudPath: string }]) => p.cloudPath);
    expect(paths[0]).toMatch(/\.jpg$/);
    expect(paths[0]).not.toBe(paths[1]);
  });

  it("turns WeChat's failures into Chinese messages", async () => {
    uploadFile.mockRejectedValueOnce({ errMsg: 'cloud.uploadFile:fail request:fail timeout' });
    await expect(uploadPhoto('wxfile://a.jpg')).rejects.toMatchObject({ code: 'UPLOAD.NETWORK' });
    uploadFile.mockRejectedValueOnce({ errMsg: 'cloud.uploadFile:fail -403 permission denied' });
    await expect(uploadPhoto('wxfile://a.jpg')).rejects.toMatchObject({ code: 'UPLOAD.FAILED', message: '照片没有传上去，请稍后再试' });
    uploadFile.mockResolvedValueOnce({});
    await expect(uploadPhoto('wxfile://a.jpg')).rejects.toMatchObject({ code: 'UPLOAD.FAILED' });
  });

  it('gives up after the deadline', async () => {
    jest.useFakeTimers();
    uploadFile.mockReturnValueOnce(new Promise(() => undefined));
    const upload = uploadPhoto('wxfile://a.jpg');
    const caught = upload.catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(UPLOAD_TIMEOUT_MS);
    expect(await caught).toMatchObject({ code: 'UPLOAD.GAVE_UP' });
  });
});
