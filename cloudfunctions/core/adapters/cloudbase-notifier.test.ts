import { openSqliteStore } from './sqlite-store';
import { cloudbaseNotifier, type WxOpenApi } from './cloudbase-notifier';
import type { MemberRecord } from '../records';

const clock = { now: () => new Date('2026-11-24T00:00:00.000Z') };
const log = { error: jest.fn(), info: jest.fn() };
const note = { to: 'm1', title: '心愿待审核', body: '村里有 2 条微心愿等待您审核，审核通过后才会上心愿墙。', link: '/pages/review-wishes/index', dedupeKey: 'k1' };

async function setup(wx: WxOpenApi, templateId: string | null = 'TPL') {
  const store = openSqliteStore(':memory:');
  await store.collection<MemberRecord>('members').add({ _id: 'm1', openid: 'wx-1' } as MemberRecord);
  const notifier = cloudbaseNotifier({ store, clock, wx, log, subscribe: templateId ? { templateId, miniprogramState: 'formal' } : null });
  return { store, notifier };
}

describe('the CloudBase notifier', () => {
  it('writes the inbox and nudges the recipient with a subscription message', async () => {
    const wx = { callWxOpenApi: jest.fn().mockResolvedValue({ result: { errcode: 0 } }) };
    const { store, notifier } = await setup(wx);
    expect(await notifier.notify(note)).toBe(true);
    expect(await store.collection('inbox').count({ to: 'm1' })).toBe(1);
    const request = wx.callWxOpenApi.mock.calls[0][0];
    expect(request.apiName).toBe('/cgi-bin/message/subscribe/send');
    expect(request.requestData).toMatchObject({ touser: 'wx-1', template_id: 'TPL', page: '/pages/review-wishes/index' });
    expect([...request.requestData.data.thing2.value]).toHaveLength(20);
  });

  it('still delivers to the inbox when WeChat refuses the nudge for lack of quota', async () => {
    const wx = { callWxOpenApi: jest.fn().mockResolvedValue({ result: { errcode: 43101, errmsg: 'user refuse to accept the msg' } }) };
    const { store, notifier } = await setup(wx);
    expect(await notifier.notify(note)).toBe(true);
    expect(await store.collection('inbox').count({})).toBe(1);
    expect(log.info).toHaveBeenCalledWith('[notify] subscription nudge not sent', { code: 43101, to: 'm1' });
  });

  it('does not nudge twice for a notification already delivered, nor at all without a template', async () => {
    const wx = { callWxOpenApi: jest.fn().mockRejectedValue(new Error('network')) };
    const { notifier } = await setup(wx);
    expect(await notifier.notify(note)).toBe(true);
    expect(await notifier.notify(note)).toBe(false);
    expect(wx.callWxOpenApi).toHaveBeenCalledTimes(1);

    const quiet = await setup({ callWxOpenApi: jest.fn() }, null);
    await quiet.notifier.notify(note);
    expect((await quiet.store.collection('inbox').count({}))).toBe(1);
  });
});
