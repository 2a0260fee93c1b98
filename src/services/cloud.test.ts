import Taro from '@tarojs/taro';
import { callCloud, CloudError } from './cloud';
import { setDevOpenid } from './dev-identity';

const request = Taro.request as jest.Mock;
const answer = (data: unknown) => request.mockResolvedValueOnce({ statusCode: 200, data });
const wish = { id: 'w1', category: 'daily', text: '一床厚棉被', status: 'pending_review', createdAt: '2026-11-24T02:00:00.000Z' };

beforeEach(() => {
  request.mockReset();
  setDevOpenid('demo-villager-1');
});

describe('callCloud in the H5 build', () => {
  it('posts { action, input } to the stand-in as the chosen demo user and returns the data', async () => {
    answer({ ok: true, data: wish });
    await expect(callCloud('wishes', 'submit', { category: 'daily', text: '一床厚棉被' })).resolves.toEqual(wish);
    expect(request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: '/api/functions/wishes',
        method: 'POST',
        data: { action: 'submit', input: { category: 'daily', text: '一床厚棉被' } },
        header: expect.objectContaining({ 'x-dev-openid': 'demo-villager-1' }),
      }),
    );
  });

  it('throws the function\'s error code and Chinese message', async () => {
    answer({ ok: false, error: { code: 'WISH.TOO_MANY_OPEN', message: '您还有未完成的心愿，最多同时提交 3 个' } });
    const err = await callCloud('wishes', 'submit', { category: 'daily', text: '一床厚棉被' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudError);
    expect(err).toMatchObject({ code: 'WISH.TOO_MANY_OPEN', message: '您还有未完成的心愿，最多同时提交 3 个' });
  });

  it('refuses an answer that does not match the contract', async () => {
    answer({ ok: true, data: { ...wish, status: 'lost' } });
    await expect(callCloud('wishes', 'submit', { category: 'daily', text: '一床厚棉被' })).rejects.toMatchObject({ code: 'COMMON.INTERNAL' });
  });

  it('reports a dropped connection as a network problem', async () => {
    request.mockRejectedValueOnce(new Error('request:fail'));
    await expect(callCloud('users', 'whoami', {})).rejects.toMatchObject({ code: 'COMMON.NETWORK', message: '网络不给力，请检查网络后重试' });
  });
});
