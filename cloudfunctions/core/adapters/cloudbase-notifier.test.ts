import { openApiPairs } from '../../../test/cloudbase/protobuf';
import type { MemberRecord } from '../records';
import { cloudbaseNotifier } from './cloudbase-notifier';
import type { WxOpenApiTransport } from './cloudbase-openapi';
import { openSqliteStore } from './sqlite-store';

const clock = { now: () => new Date('2026-11-24T00:00:00.000Z') };
const note = {
  to: 'm1',
  title: '心愿待审核',
  body: '村里有 2 条微心愿等待您审核，审核通过后才会上心愿墙。',
  link: '/cadre/review-wishes/index',
  dedupeKey: 'k1',
};

/** A CommOpenApiResp with WeChat's JSON in respData (field 1) and contentType (field 2). */
const wechatSays = (json: object) => {
  const body = Buffer.from(JSON.stringify(json));
  const type = Buffer.from('application/json');
  return Buffer.concat([Buffer.from([0x0a, body.length]), body, Buffer.from([0x12, type.length]), type]);
};

interface Setup {
  templateId?: string | null;
  openid?: string | null;
}

async function setup(answer: () => Promise<unknown>, { templateId = 'TPL', openid = 'wx-1' }: Setup = {}) {
  const store = openSqliteStore(':memory:');
  await store.collection('members').add({ _id: 'm1', openid } as MemberRecord);
  const log = { error: jest.fn(), warn: jest.fn(), info: jest.fn() };
  const wx = { callCompatibleWxOpenApi: jest.fn(answer) } satisfies WxOpenApiTransport;
  const notifier = cloudbaseNotifier({ store, clock, wx, log, subscribe: templateId ? { templateId, miniprogramState: 'formal' } : null });
  return { store, notifier, wx, log };
}

describe('the CloudBase notifier', () => {
  it('writes the inbox and nudges the recipient with subscribeMessage.send by cloud call', async () => {
    const { store, notifier, wx, log } = await setup(async () => wechatSays({ errcode: 0, errmsg: 'ok' }));
    expect(await notifier.notify(note)).toBe(true);
    expect(await store.collection('inbox').count({ to: 'm1' })).toBe(1);
    const [{ apiName, requestData }] = wx.callCompatibleWxOpenApi.mock.calls[0] as unknown as [{ apiName: string; requestData: Buffer }];
    expect(apiName).toBe('subscribeMessage.send');
    const pairs = Object.fromEntries(openApiPairs(requestData).map(([k, v]) => [k, JSON.parse(v)]));
    expect(pairs).toEqual({
      touser: 'wx-1',
      template_id: 'TPL',
      page: 'cadre/review-wishes/index',
      miniprogram_state: 'formal',
      lang: 'zh_CN',
      data: { thing1: { value: '心愿待审核' }, thing2: { value: [...note.body].slice(0, 20).join('') } },
    });
    expect(log.error).not.toHaveBeenCalled();
  });

  it('uses the openid the sender already holds instead of reading the member, and sends none for a known non-user', async () => {
    const { store, notifier, wx } = await setup(async () => wechatSays({ errcode: 0, errmsg: 'ok' }), { openid: 'wx-stale' });
    expect(await notifier.notify({ ...note, openid: 'wx-held' })).toBe(true);
    const [{ requestData }] = wx.callCompatibleWxOpenApi.mock.calls[0] as unknown as [{ requestData: Buffer }];
    expect(Object.fromEntries(openApiPairs(requestData))).toMatchObject({ touser: JSON.stringify('wx-held') });
    await store.collection('inbox').remove((await store.collection('inbox').find({ to: 'm1' }))[0]._id);
    expect(await notifier.notify({ ...note, openid: null })).toBe(true);
    expect(wx.callCompatibleWxOpenApi).toHaveBeenCalledTimes(1);
  });

  it('logs a user without an acceptance left (43101) as a warning, and still delivers to the inbox', async () => {
    const { store, notifier, log } = await setup(async () => wechatSays({ errcode: 43101, errmsg: 'user refuse to accept the msg' }));
    expect(await notifier.notify(note)).toBe(true);
    expect(await store.collection('inbox').count({})).toBe(1);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('no acceptance left'), { errcode: 43101, to: 'm1' });
    expect(log.error).not.toHaveBeenCalled();
  });

  it('logs any other refusal at error level with its errcode', async () => {
    const { notifier, log } = await setup(async () => wechatSays({ errcode: 40037, errmsg: 'invalid template_id' }));
    expect(await notifier.notify(note)).toBe(true);
    expect(log.error).toHaveBeenCalledWith('[notify] subscription nudge failed', {
      errcode: 40037,
      errmsg: 'invalid template_id',
      to: 'm1',
    });
  });

  it("logs a failed call at error level with CloudBase's code, and still delivers", async () => {
    const { notifier, log } = await setup(async () =>
      Promise.reject(Object.assign(new Error('no permission'), { code: 'PERMISSION_DENIED' })),
    );
    expect(await notifier.notify(note)).toBe(true);
    expect(log.error).toHaveBeenCalledWith(
      '[notify] subscription nudge failed',
      expect.objectContaining({ errcode: 'PERMISSION_DENIED', to: 'm1' }),
    );
  });

  it('does not nudge twice for a notification already delivered, nor without a template or an openid', async () => {
    const once = await setup(async () => wechatSays({ errcode: 0 }));
    expect(await once.notifier.notify(note)).toBe(true);
    expect(await once.notifier.notify(note)).toBe(false);
    expect(once.wx.callCompatibleWxOpenApi).toHaveBeenCalledTimes(1);

    const quiet = await setup(async () => wechatSays({ errcode: 0 }), { templateId: null });
    expect(await quiet.notifier.notify(note)).toBe(true);
    const unbound = await setup(async () => wechatSays({ errcode: 0 }), { openid: null });
    expect(await unbound.notifier.notify(note)).toBe(true);
    expect(quiet.wx.callCompatibleWxOpenApi).not.toHaveBeenCalled();
    expect(unbound.wx.callCompatibleWxOpenApi).not.toHaveBeenCalled();
  });

  it('writes the inbox only when the sender spares the nudge', async () => {
    const spared = await setup(async () => wechatSays({ errcode: 0 }));
    expect(await spared.notifier.notify({ ...note, nudge: false })).toBe(true);
    expect(spared.wx.callCompatibleWxOpenApi).not.toHaveBeenCalled();
    expect(await spared.notifier.notify({ ...note, dedupeKey: 'another', nudge: true })).toBe(true);
    expect(spared.wx.callCompatibleWxOpenApi).toHaveBeenCalledTimes(1);
  });
});
