import Taro from '@tarojs/taro';
import { callCloud, CloudError, isNetworkFailure } from './cloud';
import { setDevOpenid } from './dev-identity';
import { usersContract } from '../../types/users';
import { wishesContract } from '../../types/wishes';

const request = jest.fn<Promise<Pick<Response, 'status' | 'text'>>, [string, RequestInit]>();
globalThis.fetch = request as unknown as typeof fetch;
const callFunction = Taro.cloud.callFunction as jest.Mock;
const answer = (data: unknown, status = 200) => request.mockResolvedValueOnce({ status, text: async () => JSON.stringify(data) });
/** What the H5 build posted: url, method, headers and the parsed body. */
const posted = (call = 0) => {
  const [url, init] = request.mock.calls[call];
  return { url, method: init.method, headers: init.headers, body: JSON.parse(init.body as string) as unknown, signal: init.signal };
};
const wish = { id: 'w1', category: 'daily', text: '一床厚棉被', status: 'pending_review', createdAt: '2026-11-24T02:00:00.000Z' };
const submit = () => callCloud(wishesContract, 'submit', { category: 'daily', text: '一床厚棉被' });

const gaveUpText = '网络太慢，等了 15 秒还没有回音。填好的内容都还在，可以放心再试一次';

/** A call still pending a moment before 15 s, and rejected as given up at 15 s. */
async function expectGaveUpAfter15s(call: Promise<unknown>) {
  const settled = jest.fn();
  call.then(settled, settled);
  await jest.advanceTimersByTimeAsync(14_999);
  expect(settled).not.toHaveBeenCalled();
  await jest.advanceTimersByTimeAsync(1);
  await expect(call).rejects.toMatchObject({ code: 'CLOUD.GAVE_UP', message: gaveUpText });
}

let logged: jest.SpyInstance;
beforeEach(() => {
  request.mockReset();
  callFunction.mockReset();
  setDevOpenid('demo-villager-1');
  logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  logged.mockRestore();
  jest.useRealTimers();
});

describe('callCloud in the H5 build', () => {
  it('posts { action, input } to the stand-in as the chosen demo user and returns the data', async () => {
    answer({ ok: true, data: wish });
    await expect(submit()).resolves.toEqual(wish);
    expect(posted()).toMatchObject({
      url: '/api/functions/wishes',
      method: 'POST',
      body: { action: 'submit', input: { category: 'daily', text: '一床厚棉被' } },
      headers: { 'content-type': 'application/json', 'x-dev-openid': 'demo-villager-1' },
    });
    expect(callFunction).not.toHaveBeenCalled();
  });

  it("throws the function's error code and Chinese message", async () => {
    answer({ ok: false, error: { code: 'WISH.TOO_MANY_OPEN', message: '您还有未完成的心愿，最多同时提交 3 个' } });
    const err = await submit().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudError);
    expect(err).toMatchObject({ code: 'WISH.TOO_MANY_OPEN', message: '您还有未完成的心愿，最多同时提交 3 个' });
  });

  it('refuses an answer that does not match the contract', async () => {
    answer({ ok: true, data: { ...wish, status: 'lost' } });
    await expect(submit()).rejects.toMatchObject({ code: 'COMMON.INTERNAL' });
  });

  it('reports a dropped connection as a network problem and logs why', async () => {
    request.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(callCloud(usersContract, 'whoami', {})).rejects.toMatchObject({
      code: 'COMMON.NETWORK',
      message: '网络不给力，请检查网络后重试',
    });
    expect(logged).toHaveBeenCalledWith('[cloud] users.whoami failed: COMMON.NETWORK', { reason: 'TypeError: Failed to fetch' });
  });

  it('aborts the fetch itself after 15 s, so a stalled connection is not left open', async () => {
    jest.useFakeTimers();
    request.mockImplementationOnce(
      (_url, init) =>
        new Promise((_, fail) =>
          init.signal?.addEventListener('abort', () =>
            fail(Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' })),
          ),
        ),
    );
    await expectGaveUpAfter15s(callCloud(usersContract, 'whoami', {}));
    expect(posted().signal?.aborted).toBe(true);
  });

  it('gives up on a request that never answers after 15 s, even if the fetch ignores its abort', async () => {
    jest.useFakeTimers();
    request.mockReturnValueOnce(new Promise(() => undefined));
    await expectGaveUpAfter15s(callCloud(usersContract, 'whoami', {}));
    expect(logged).toHaveBeenCalledWith('[cloud] users.whoami failed: CLOUD.GAVE_UP', { waitedMs: 15_000 });
  });

  it('reports an answer that is not JSON by its status', async () => {
    request.mockResolvedValueOnce({ status: 502, text: async () => '<html>Bad Gateway</html>' });
    await expect(callCloud(usersContract, 'whoami', {})).rejects.toMatchObject({ code: 'CLOUD.UNAVAILABLE' });
  });

  it.each([
    [500, 'CLOUD.CRASHED', '服务出了故障，请稍后再试；一直这样请联系管理员'],
    [502, 'CLOUD.UNAVAILABLE', '服务暂时不可用，请稍后再试'],
    [504, 'CLOUD.TIMEOUT', '服务器响应超时，请稍后再试'],
    [404, 'CLOUD.NOT_DEPLOYED', '服务还没有开通，请联系驻村干部或管理员'],
  ])('turns HTTP %i into %s with its own message, whatever the body says', async (status, code, message) => {
    answer({ ok: false, error: { code: 'COMMON.INTERNAL', message: '系统繁忙，请稍后再试' } }, status);
    await expect(submit()).rejects.toMatchObject({ code, message });
    expect(logged).toHaveBeenCalledWith(`[cloud] wishes.submit failed: ${code}`, { status });
  });
});

describe('callCloud in the WeChat build', () => {
  const env = process.env.TARO_ENV;
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });
  afterEach(() => {
    process.env.TARO_ENV = env;
  });

  it("calls the cloud function with { action, input } and returns the function's data from res.result", async () => {
    callFunction.mockResolvedValueOnce({ errMsg: 'cloud.callFunction:ok', requestID: 'r1', result: { ok: true, data: wish } });
    await expect(submit()).resolves.toEqual(wish);
    expect(callFunction).toHaveBeenCalledWith({
      name: 'wishes',
      data: { action: 'submit', input: { category: 'daily', text: '一床厚棉被' } },
    });
    expect(request).not.toHaveBeenCalled();
  });

  it("carries the function's refusal through from res.result", async () => {
    callFunction.mockResolvedValueOnce({ result: { ok: false, error: { code: 'COMMON.NOT_BOUND', message: '请先用邀请码绑定身份' } } });
    await expect(callCloud(usersContract, 'whoami', {})).rejects.toMatchObject({
      code: 'COMMON.NOT_BOUND',
      message: '请先用邀请码绑定身份',
    });
  });

  it.each([
    [
      -404011,
      'cloud.callFunction:fail requestID 4ee3, cloud function service error code -501000, error message FunctionName parameter could not be found.',
      'CLOUD.NOT_DEPLOYED',
    ],
    [
      -404011,
      'cloud.callFunction:fail requestID 8ffd, cloud function service error code -504002, error message Error: PARAM_ERROR',
      'CLOUD.CRASHED',
    ],
    [-504002, 'cloud.callFunction:fail Invoking task timed out after 3 seconds', 'CLOUD.TIMEOUT'],
    [-1, 'cloud.callFunction:fail request:fail', 'COMMON.NETWORK'],
  ])('maps errCode %i ("%s") to %s and logs the errCode and errMsg', async (errCode, errMsg, code) => {
    callFunction.mockRejectedValueOnce(Object.assign(new Error(errMsg), { errCode, errMsg }));
    const err = await submit().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudError);
    expect(err).toMatchObject({ code });
    expect(logged).toHaveBeenCalledWith(`[cloud] wishes.submit failed: ${code}`, { errCode, errMsg: expect.stringContaining(errMsg) });
  });

  it('gives up on a cloud function that has not answered after 15 s, so a weak signal is not an endless wait', async () => {
    jest.useFakeTimers();
    callFunction.mockReturnValueOnce(new Promise(() => undefined));
    await expectGaveUpAfter15s(submit());
    expect(logged).toHaveBeenCalledWith('[cloud] wishes.submit failed: CLOUD.GAVE_UP', { waitedMs: 15_000 });
  });

  it('takes an answer that comes just before the deadline', async () => {
    jest.useFakeTimers();
    callFunction.mockReturnValueOnce(new Promise((ok) => setTimeout(() => ok({ result: { ok: true, data: wish } }), 14_999)));
    const call = submit();
    await jest.advanceTimersByTimeAsync(15_000);
    await expect(call).resolves.toEqual(wish);
  });

  it('gives each failure its own Chinese message', async () => {
    const messages = new Set<string>();
    for (const [errCode, errMsg] of [
      [-404011, 'FunctionName parameter could not be found'],
      [-504002, 'error message Error: boom'],
      [-501002, 'cloud.callFunction:fail'],
      [-501001, 'cloud.callFunction:fail resource system error'],
      [undefined, 'request:fail'],
    ] as const) {
      callFunction.mockRejectedValueOnce({ errCode, errMsg });
      messages.add(((await submit().catch((e: unknown) => e)) as CloudError).message);
    }
    expect(messages.size).toBe(5);
    for (const m of messages) expect(m).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('telling network failures apart', () => {
  it('counts no network, timeouts, giving up and an unavailable platform as network failures', () => {
    for (const code of ['COMMON.NETWORK', 'CLOUD.TIMEOUT', 'CLOUD.GAVE_UP', 'CLOUD.UNAVAILABLE']) {
      expect(isNetworkFailure(new CloudError(code, '…'))).toBe(true);
    }
  });

  it("does not count the function's own refusals, a crash, a missing deploy or a plain error", () => {
    for (const code of ['COMMON.NOT_BOUND', 'WISH.TOO_MANY_OPEN', 'COMMON.INTERNAL', 'CLOUD.CRASHED', 'CLOUD.NOT_DEPLOYED']) {
      expect(isNetworkFailure(new CloudError(code, '…'))).toBe(false);
    }
    expect(isNetworkFailure(new Error('COMMON.NETWORK'))).toBe(false);
  });
});
