import { cloudbaseFiles, LINK_MAX_AGE_SECONDS, type CbStorage } from './cloudbase-files';

const ENV = 'village-prod-1a2b';
const own = (path: string) => `cloud://${ENV}.7669-${ENV}-1300000000/${path}`;

/** CloudBase storage as node-sdk 3.18.3 answers it: one entry per file, `code` SUCCESS or the reason. */
function fakeStorage(stored: string[]) {
  const calls: Parameters<CbStorage['getTempFileURL']>[0][] = [];
  const uploads: { cloudPath: string; bytes: Buffer }[] = [];
  const app: CbStorage = {
    async getTempFileURL(options) {
      calls.push(options);
      return {
        fileList: options.fileList.map(({ fileID }) =>
          stored.includes(fileID)
            ? { code: 'SUCCESS', fileID, tempFileURL: `https://cos.example/${fileID.split('/').pop()}?sign=x` }
            : { code: 'STORAGE_FILE_NONEXIST', fileID, tempFileURL: '' },
        ),
      };
    },
    async uploadFile({ cloudPath, fileContent }) {
      uploads.push({ cloudPath, bytes: fileContent });
      return { fileID: own(cloudPath) };
    },
  };
  return { app, calls, uploads };
}

describe('CloudBase cloud storage as the file store', () => {
  it("asks for ten-minute links of this environment's files only, in order, empty for a missing one", async () => {
    const { app, calls } = fakeStorage([own('wish-photos/a.jpg'), own('wish-photos/b.jpg')]);
    const files = cloudbaseFiles(app, { envId: ENV });
    const urls = await files.temporaryUrls([
      own('wish-photos/b.jpg'),
      own('wish-photos/gone.jpg'),
      `cloud://other-env.7669-other-env-1300000000/wish-photos/a.jpg`,
      'https://evil.example/a.jpg',
      own('wish-photos/a.jpg'),
      own('wish-photos/b.jpg'),
    ]);
    expect(urls).toEqual([
      'https://cos.example/b.jpg?sign=x',
      '',
      '',
      '',
      'https://cos.example/a.jpg?sign=x',
      'https://cos.example/b.jpg?sign=x',
    ]);
    // Foreign ids never reach the platform; repeated ones are asked for once.
    expect(calls).toEqual([
      {
        fileList: [own('wish-photos/b.jpg'), own('wish-photos/gone.jpg'), own('wish-photos/a.jpg')].map((fileID) => ({
          fileID,
          maxAge: LINK_MAX_AGE_SECONDS,
        })),
      },
    ]);
    expect(LINK_MAX_AGE_SECONDS).toBe(600);
  });

  it('says a file exists only when the platform could link it', async () => {
    const { app } = fakeStorage([own('wish-photos/a.jpg')]);
    const files = cloudbaseFiles(app, { envId: ENV });
    expect(
      await files.exists([own('wish-photos/a.jpg'), own('wish-photos/x.jpg'), 'local://abc.jpg', `cloud://${ENV}x.bucket/a.jpg`]),
    ).toEqual([true, false, false, false]);
  });

  it("asks in batches of 50, the platform's limit", async () => {
    const many = Array.from({ length: 120 }, (_, i) => own(`p/${i}.jpg`));
    const { app, calls } = fakeStorage(many);
    const urls = await cloudbaseFiles(app, { envId: ENV }).temporaryUrls(many);
    expect(urls.every((u) => u.startsWith('https://'))).toBe(true);
    expect(calls.map((c) => c.fileList.length)).toEqual([50, 50, 20]);
  });

  it('asks nothing when no id is of this environment, and treats every id as foreign without an environment id', async () => {
    const { app, calls } = fakeStorage([own('a.jpg')]);
    expect(await cloudbaseFiles(app, { envId: ENV }).temporaryUrls(['local://x.jpg'])).toEqual(['']);
    expect(await cloudbaseFiles(app, { envId: '' }).exists([own('a.jpg')])).toEqual([false]);
    expect(calls).toEqual([]);
  });

  it('fails loudly when the platform answers with an error instead of a list', async () => {
    const app: CbStorage = {
      getTempFileURL: async () => ({ code: 'STORAGE_EXCEED_AUTHORITY', message: 'no permission' }),
      uploadFile: async () => ({ code: 'STORAGE_REQUEST_FAIL', message: 'x' }),
    };
    const files = cloudbaseFiles(app, { envId: ENV });
    await expect(files.temporaryUrls([own('a.jpg')])).rejects.toThrow('STORAGE_EXCEED_AUTHORITY');
    await expect(files.save('ledgers/a.xlsx', new Uint8Array([1]), 'x')).rejects.toThrow('STORAGE_REQUEST_FAIL');
  });

  it('saves a made file at the path given, as a Buffer, and answers its fileID', async () => {
    const { app, uploads } = fakeStorage([]);
    const id = await cloudbaseFiles(app, { envId: ENV }).save('ledgers/2026-11-24/a.xlsx', new Uint8Array([80, 75, 3, 4]), 'x');
    expect(id).toBe(own('ledgers/2026-11-24/a.xlsx'));
    expect(uploads).toEqual([{ cloudPath: 'ledgers/2026-11-24/a.xlsx', bytes: Buffer.from([80, 75, 3, 4]) }]);
    expect(Buffer.isBuffer(uploads[0].bytes)).toBe(true);
  });
});
