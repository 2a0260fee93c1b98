import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collections } from '../../cloudfunctions/core/ports/store';
import { buildFunctions, readCloudbaserc } from '../../scripts/build-functions';
import { contracts, type CloudResponse } from '../../types';
import { dataOf, openidOf, people } from '../support/world';
import { wishRecord } from '../support/wish-record';
import { answer as qweatherAnswer, DEMO_LOCATION, rainstorm } from '../../cloudfunctions/notices/qweather.fixtures';
import { nextSolarTerm } from '../../cloudfunctions/core/domain/solar-terms';
import { chinaDate } from '../../cloudfunctions/core/domain/time';
import { renderEnvVariables, seedWorld } from './cli-env';
import { ENV_ID, functionEnv } from './function-env';
import { decode, FakeGateway, type WireRequest } from './gateway';
import { openApiPairs, readFields } from './protobuf';
import { startFunction, type FunctionContainer } from './runtime';

/*
 * The deployable bundles, built as `npm run build:functions` builds them, each running in
 * a child process that looks like CloudBase's Node 16 runtime, with the real
 * @cloudbase/node-sdk inside talking HTTP to a fake CloudBase gateway on 127.0.0.1.
 * Every action and timer of every function runs once at least; the tests check what
 * went over the wire and what came back.
 */
jest.setTimeout(30_000);

const TEMPLATE = 'TPL-review-reminder';
const gateway = new FakeGateway(collections);
const containers = new Map<string, FunctionContainer>();
const covered = new Set<string>();
/** QWeather for the notices bundle: its timer asks GET /v7/warning/now over node's http, gzipped as QWeather answers. */
const qweatherAsked: { url?: string; key?: string | string[] }[] = [];
const qweather = createServer((req, res) => {
  qweatherAsked.push({ url: req.url, key: req.headers['x-qw-api-key'] });
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
  const now = Date.now();
  const at = (ms: number) => new Date(ms).toISOString().replace(/:\d{2}\.\d{3}Z$/, 'Z');
  const red = rainstorm({ severityColor: 'Red', pubTime: at(now), startTime: at(now), endTime: at(now + 86_400_000) });
  res.end(gzipSync(JSON.stringify(qweatherAnswer(red))));
});
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bundles-'));
  await buildFunctions({ outDir: dir, quiet: true });
  const platform = functionEnv(await gateway.start());
  await seedWorld(gateway.db);
  await new Promise<void>((r) => qweather.listen(0, '127.0.0.1', r));
  const qweatherHost = `http://127.0.0.1:${(qweather.address() as { port: number }).port}`;
  const { functions } = readCloudbaserc();
  const start = async (name: string, dotenv: Record<string, string>, key = name) => {
    const envVariables = renderEnvVariables(functions.find((f) => f.name === name)?.envVariables, dotenv);
    containers.set(key, await startFunction(join(dir, name, 'index.js'), { ...platform, ...envVariables, SCF_FUNCTIONNAME: name }));
  };
  await Promise.all([
    // Before the first release: invite 小程序码 open the trial version.
    start('users', { WXACODE_ENV_VERSION: 'trial' }),
    start('inbox', {}),
    // No SUBSCRIBE_TEMPLATE_ID in .env.local: the CLI deploys SUBSCRIBE_TEMPLATE_ID="" (issue 6, point 1).
    start('wishes', {}),
    start('wishes', { SUBSCRIBE_TEMPLATE_ID: TEMPLATE }, 'wishes+template'),
    start('tasks', {}),
    start('visits', {}),
    start('notices', { QWEATHER_KEY: 'qw-test-key', QWEATHER_HOST: qweatherHost }),
    start('board', {}),
    start('consults', {}),
  ]);
});

afterAll(async () => {
  await Promise.all([...containers.values()].map((c) => c.stop()));
  await gateway.stop();
  await new Promise((r) => qweather.close(r));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every request is signed with the function's temporary keys and goes to the injected URL for the current environment. */
function expectPlatformRequest(w: WireRequest) {
  expect(w.url).toMatch(new RegExp(`^/admin\\?env=${ENV_ID}&seqId=`));
  expect(w.headers.authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDfunctiontemporarykey\//);
  expect(w.headers['x-sdk-version']).toBe('tcb-node-sdk/3.18.3');
  expect(w.params).toMatchObject({ envName: ENV_ID, sessionToken: 'function-session-token' });
  // Keyset paging only: no read ever skips.
  expect(w.params.offset).toBeUndefined();
}

async function call(fn: string, who: string | null, action: string, input: unknown = {}, key = fn) {
  covered.add(`${fn}.${action}`);
  gateway.take();
  // WX_CONTEXT_KEYS lists the call's WeChat variables, as the platform's does: node-sdk reads the
  // cloud-call token of a client call, WX_API_TOKEN, only through it (src/utils/tcbcontext.ts).
  const environment: Record<string, string> = who
    ? { WX_OPENID: who, WX_APPID: 'wx-appid', TCB_SOURCE: 'wx_client', WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_API_TOKEN' }
    : {};
  const res = (await containers.get(key)!.invoke({ action, input }, environment)) as CloudResponse<any>;
  const wire = gateway.take();
  wire.forEach(expectPlatformRequest);
  return { res, wire };
}

async function fire(fn: string, trigger: string, key = fn) {
  covered.add(`${fn}.timer:${trigger}`);
  gateway.take();
  const event = { Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString() };
  const res = (await containers.get(key)!.invoke(event, { TRIGGER_SRC: 'timer' })) as CloudResponse<any>;
  const wire = gateway.take();
  wire.forEach(expectPlatformRequest);
  return { res, wire };
}

/** The function's output once it shows `pattern`: a child's stdout can arrive after its answer. */
async function outputOf(container: FunctionContainer, pattern: RegExp): Promise<string> {
  for (let waited = 0; !pattern.test(container.output()) && waited < 2000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  return pattern.test(container.output()) ? container.output() : '';
}

const named = (wire: WireRequest[], action: string, collection?: string) =>
  wire.filter((w) => w.action === action && (collection === undefined || w.params.collectionName === collection));
const queryOf = (w: WireRequest) => decode(w.params.query);

describe('the users bundle over node-sdk', () => {
  it('answers whoami from users then members, each read by id', async () => {
    const { res, wire } = await call('users', openidOf('cadreA'), 'whoami');
    expect(dataOf(res)).toMatchObject({ bound: true, profile: { role: 'cadre', name: '赵明远', villageName: '杏花村' } });
    const reads = named(wire, 'database.getDocument');
    expect(reads.slice(0, 2).map((w) => [w.params.collectionName, queryOf(w)])).toEqual([
      ['users', { _id: openidOf('cadreA') }],
      ['members', { _id: people.cadreA._id }],
    ]);
    expect(wire.every((w) => w.action === 'database.getDocument')).toBe(true);
    expect(dataOf((await call('users', 'wx-stranger', 'whoami')).res)).toEqual({ bound: false });
  });

  it('issues an invite and binds a new WeChat user with it in one transaction', async () => {
    const issued = await call('users', openidOf('cadreA'), 'issueInvite', { memberId: people.unboundA._id, requestId: randomUUID() });
    const invite = dataOf(issued.res);
    expect(invite).toMatchObject({ code: expect.stringMatching(/^[2-9A-Z]{8}$/), memberName: '王小虎' });
    expect(named(issued.wire, 'database.insertDocument', 'invites')).toHaveLength(1);

    const { res, wire } = await call('users', 'wx-newcomer', 'bind', { code: invite.code });
    expect(dataOf(res)).toMatchObject({ memberId: people.unboundA._id, role: 'villager', name: '王小虎' });
    const [started] = named(wire, 'database.startTransaction');
    expect(started).toBeDefined();
    const inTx = wire.filter((w) => w.params.transactionId);
    expect(new Set(inTx.map((w) => w.params.transactionId)).size).toBe(1);
    const writes = inTx.filter((w) => w.action !== 'database.getDocument' && w.action !== 'database.commitTransaction');
    expect(writes.map((w) => `${w.action} ${String(w.params.collectionName)}`).sort()).toEqual([
      'database.insertDocument users',
      'database.modifyDocument invites',
      'database.modifyDocument members',
    ]);
    // Every operation of the transaction comes before its commit.
    const commit = wire.findIndex((w) => w.action === 'database.commitTransaction');
    expect(wire.findIndex((w) => w.params.transactionId)).toBeGreaterThan(wire.indexOf(started));
    expect(wire.slice(commit + 1).some((w) => w.params.transactionId)).toBe(false);
    expect(gateway.db.openTransactions()).toBe(0);
    expect(dataOf((await call('users', 'wx-newcomer', 'whoami')).res)).toMatchObject({ bound: true });
  });

  it("pages the roster of a cadre's village by keyset, without repeats", async () => {
    const seen: string[] = [];
    const orders = new Set<string>();
    let cursor: string | undefined;
    do {
      const { res, wire } = await call('users', openidOf('cadreA'), 'roster', { limit: 2, ...(cursor ? { cursor } : {}) });
      const page = dataOf(res);
      seen.push(...page.items.map((i: { memberId: string }) => i.memberId));
      cursor = page.nextCursor ?? undefined;
      for (const w of named(wire, 'database.getDocument', 'members'))
        if (w.params.order) orders.add(JSON.stringify(decode(w.params.order)));
    } while (cursor);
    // By name, ties by id in the same direction; no offset ever.
    expect([...orders]).toEqual(expect.arrayContaining([JSON.stringify({ name: 1, _id: 1 })]));
    expect(seen.sort()).toEqual([people.helperA._id, people.unboundA._id, people.villagerA._id, people.neighbourA._id].sort());
  });

  it('searches the roster by name with one range read on the village and name', async () => {
    const { res, wire } = await call('users', openidOf('cadreA'), 'roster', { name: '王', limit: 2 });
    const page = dataOf(res);
    expect(page.items.map((i: { name: string }) => i.name)).toEqual(['王小虎', '王建国']);
    const [read, ...more] = named(wire, 'database.getDocument', 'members').filter((w) => w.params.order);
    expect(more).toEqual([]);
    expect(queryOf(read)).toEqual({ villageId: 'v-xinghua', role: { $in: ['villager', 'helper'] }, name: { $gte: '王' } });
    expect(decode(read.params.order)).toEqual({ name: 1, _id: 1 });
    const rest = dataOf((await call('users', openidOf('cadreA'), 'roster', { name: '王', cursor: page.nextCursor })).res);
    expect(rest.items.map((i: { name: string }) => i.name)).toEqual(['王秀兰']);
    expect(rest.nextCursor).toBeNull();
  });

  it('resets a binding in one transaction that removes the identity record', async () => {
    const { res, wire } = await call('users', openidOf('cadreA'), 'resetBinding', { memberId: people.neighbourA._id });
    expect(dataOf(res)).toEqual({ memberName: '王建国' });
    expect(named(wire, 'database.removeDocument', 'users').map((w) => [Boolean(w.params.transactionId), queryOf(w)])).toEqual([
      [true, { _id: openidOf('neighbourA') }],
    ]);
    expect(named(wire, 'database.commitTransaction')).toHaveLength(1);
    expect(dataOf((await call('users', openidOf('neighbourA'), 'whoami')).res)).toEqual({ bound: false });
  });
});

describe("the users bundle drawing an invite's 小程序码", () => {
  const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]);
  let code = '';

  beforeAll(async () => {
    // 王建国's binding was reset above, so he can be invited again.
    code = dataOf((await call('users', openidOf('cadreA'), 'issueInvite', { memberId: people.neighbourA._id })).res).code;
  });
  afterEach(() => {
    gateway.openApiReply = () => ({ errcode: 0, errmsg: 'ok' });
  });

  it("asks by cloud call as wx-server-sdk's wxacode.getUnlimited would, under a permission config.json declares", async () => {
    gateway.openApiReply = () => ({ file: JPEG, contentType: 'image/jpeg' });
    const { res, wire } = await call('users', openidOf('cadreA'), 'inviteQr', { code });
    expect(dataOf(res)).toEqual({
      code,
      memberName: '王建国',
      expiresAt: expect.any(String),
      path: `/pages/bind/index?code=${code}`,
      image: `data:image/jpeg;base64,${JPEG.toString('base64')}`,
    });
    const [draw, ...more] = named(wire, 'wx.openApi');
    expect(more).toEqual([]);
    expect(draw.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(draw.params).toMatchObject({ apiName: 'wxacode.getUnlimited', wxCloudApiToken: 'wx-api-token-client' });
    expect(readFields(draw.parts!.requestData)[0]).toEqual([1, 0n]);
    // WXACODE_ENV_VERSION=trial, rendered by the CLI from cloudbaserc.json: a trial code, whose page WeChat cannot check.
    expect(openApiPairs(draw.parts!.requestData)).toEqual([
      ['scene', JSON.stringify(`code=${code}`)],
      ['page', '"pages/bind/index"'],
      ['check_path', 'false'],
      ['env_version', '"trial"'],
    ]);
    const config = JSON.parse(readFileSync(join(dir, 'users', 'config.json'), 'utf8')) as { permissions: { openapi: string[] } };
    expect(config.permissions.openapi).toContain(draw.params.apiName);
  });

  it("answers QR_UNAVAILABLE when WeChat refuses, and logs WeChat's errcode", async () => {
    gateway.openApiReply = () => ({ errcode: 41030, errmsg: 'invalid page hint' });
    const { res } = await call('users', openidOf('cadreA'), 'inviteQr', { code });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVITE.QR_UNAVAILABLE' } });
    await expect(outputOf(containers.get('users')!, /the QR code could not be made[\s\S]*41030/)).resolves.toBeTruthy();
  });
});

describe('the wishes bundle deployed without a template (SUBSCRIBE_TEMPLATE_ID="")', () => {
  const requestId = randomUUID();
  let wishId = '';
  let collected = '';

  // msgSecCheck v2 answers errcode 0 and its verdict in `result` (WeChat's documented shape).
  beforeEach(() => {
    const passed = { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, detail: [], trace_id: 'trace-1' };
    gateway.openApiReply = (w) => (w.params.apiName === 'security.msgSecCheck' ? passed : { errcode: 0, errmsg: 'ok' });
  });
  afterAll(() => {
    gateway.openApiReply = () => ({ errcode: 0, errmsg: 'ok' });
  });

  it('submits a wish in a transaction, and answers a retry with the same wish', async () => {
    const input = { category: 'daily', text: '想要一台收音机听戏', requestId };
    const { res, wire } = await call('wishes', openidOf('villagerA'), 'submit', input);
    const wish = dataOf(res);
    expect(wish).toMatchObject({ category: 'daily', status: 'pending_review', text: '想要一台收音机听戏' });
    wishId = wish.id;
    const insert = named(wire, 'database.insertDocument', 'wishes');
    expect(insert).toHaveLength(1);
    expect(insert[0].params.transactionId).toBeTruthy();
    expect(decode((insert[0].params.data as string[])[0])).toMatchObject({ _id: wishId, householdId: 'h-a1', status: 'pending_review' });
    expect(named(wire, 'database.commitTransaction')).toHaveLength(1);

    const again = await call('wishes', openidOf('villagerA'), 'submit', input);
    expect(dataOf(again.res)).toEqual(wish);
    expect(gateway.db.count('wishes', { submitterId: people.villagerA._id })).toBe(1);

    // The text was checked by cloud call, as wx-server-sdk's security.msgSecCheck would, under a permission config.json declares.
    const [check, ...more] = named(wire, 'wx.openApi');
    expect(more).toEqual([]);
    expect(check.params).toMatchObject({ apiName: 'security.msgSecCheck', wxCloudApiToken: 'wx-api-token-client' });
    expect(openApiPairs(check.parts!.requestData)).toEqual([
      ['openid', JSON.stringify(openidOf('villagerA'))],
      ['scene', '2'],
      ['version', '2'],
      ['content', JSON.stringify('想要一台收音机听戏')],
    ]);
    const config = JSON.parse(readFileSync(join(dir, 'wishes', 'config.json'), 'utf8')) as { permissions: { openapi: string[] } };
    expect(config.permissions.openapi).toContain(check.params.apiName);
    expect(named(again.wire, 'wx.openApi')).toEqual([]);
  });

  it("reads the household's open-wish count from its counter document", async () => {
    const { res, wire } = await call('wishes', openidOf('villagerA'), 'quota', {});
    expect(dataOf(res)).toEqual({ open: 1, max: 3 });
    expect(named(wire, 'database.getDocument', 'counters')).toHaveLength(1);
    expect(named(wire, 'database.getDocument', 'wishes')).toHaveLength(0);
  });

  it("lists the villager's own wishes, newest first", async () => {
    const { res, wire } = await call('wishes', openidOf('villagerA'), 'mine', { limit: 10 });
    expect(dataOf(res).items.map((w: { id: string }) => w.id)).toEqual([wishId]);
    const [read] = named(wire, 'database.getDocument', 'wishes');
    expect(decode(read.params.order)).toEqual({ createdAt: -1, _id: -1 });
    expect(read.params.limit).toBe(11);
  });

  it('shows the cadre of the village the wish to review, with its submitter read in one batch', async () => {
    const { res, wire } = await call('wishes', openidOf('cadreA'), 'pendingReview', {});
    expect(dataOf(res).items).toEqual([
      expect.objectContaining({ id: wishId, submitterName: '王秀兰', householdLabel: expect.any(String) }),
    ]);
    expect(named(wire, 'database.getDocument', 'members').map(queryOf)).toContainEqual({ _id: { $in: [people.villagerA._id] } });
  });

  it("takes a wish a cadre collected for a household of the village, checked with the cadre's openid", async () => {
    const input = { householdId: 'h-a1', category: 'daily', text: '电话里说想要一个暖手宝', channel: 'phone', requestId: randomUUID() };
    const { res, wire } = await call('wishes', openidOf('cadreA'), 'submitFor', input);
    collected = dataOf(res).id;
    const [insert] = named(wire, 'database.insertDocument', 'wishes');
    expect(insert.params.transactionId).toBeTruthy();
    expect(decode((insert.params.data as string[])[0])).toMatchObject({
      householdId: 'h-a1',
      channel: 'phone',
      submitterId: people.cadreA._id,
    });
    const [check] = named(wire, 'wx.openApi');
    expect(new Map(openApiPairs(check.parts!.requestData)).get('openid')).toBe(JSON.stringify(openidOf('cadreA')));
  });

  it('publishes it in a transaction and tells the household in its inbox', async () => {
    const { res, wire } = await call('wishes', openidOf('cadreA'), 'review', { id: collected, decision: 'publish', summary: '一个暖手宝' });
    expect(dataOf(res)).toEqual({ id: collected, status: 'published' });
    const [update] = named(wire, 'database.modifyDocument', 'wishes');
    expect(update.params.transactionId).toBeTruthy();
    expect(named(wire, 'database.commitTransaction')).toHaveLength(1);
    expect(gateway.db.find('wishes', { _id: collected })[0]).toMatchObject({ status: 'published', summary: '一个暖手宝' });
    expect(gateway.db.find('inbox', { to: people.villagerA._id })).toEqual([expect.objectContaining({ title: '心愿已上墙' })]);
  });

  it("withdraws it for the household, lowering the household's counter in the same transaction", async () => {
    const { res, wire } = await call('wishes', openidOf('villagerA'), 'withdraw', { id: collected });
    expect(dataOf(res)).toEqual({ id: collected, status: 'withdrawn' });
    const writes = wire.filter((w) => w.params.transactionId && w.action === 'database.modifyDocument');
    expect(new Set(writes.map((w) => w.params.transactionId)).size).toBe(1);
    expect(writes.map((w) => w.params.collectionName).sort()).toEqual(['counters', 'wishes']);
    expect(dataOf((await call('wishes', openidOf('villagerA'), 'quota', {})).res)).toEqual({ open: 1, max: 3 });
  });

  it("writes the village's ledger to cloud storage and answers a ten-minute link to it, never a public one", async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const { res, wire } = await call('wishes', openidOf('cadreA'), 'ledger', {
      from: '2026-01-01',
      to: today < '2026-12-31' ? today : '2026-12-31',
    });
    const { url } = dataOf(res);
    const [meta] = named(wire, 'storage.getUploadMetadata');
    expect(meta.params).toMatchObject({
      path: expect.stringMatching(/^ledgers\/\d{4}-\d{2}-\d{2}\/2026-01-01_\d{4}-\d{2}-\d{2}_.+\.xlsx$/),
      method: 'put',
    });
    const fileId = [...gateway.storage.keys()].find((id) => id.endsWith(String(meta.params.path)))!;
    expect(fileId).toMatch(new RegExp(`^cloud://${ENV_ID}\\.`));
    const [links] = named(wire, 'storage.batchGetDownloadUrl');
    expect(links.params.file_list).toEqual([{ fileid: fileId, max_age: 600 }]);
    expect(url).toBe(`${gateway.url.replace(/\/admin$/, '')}/tmp/${encodeURIComponent(fileId)}?sign=fake`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(gateway.storage.get(fileId)! as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('心愿台账')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['序号', '村', '户主']);
    const villages = new Set<unknown>();
    sheet.eachRow((row, n) => n > 1 && villages.add(row.getCell(2).value));
    expect([...villages]).toEqual(['杏花村']);
  });

  it('runs the daily reminder into the inbox without any cloud call, and logs no error', async () => {
    const { res, wire } = await fire('wishes', 'daily');
    expect(dataOf(res)).toMatchObject({ notified: 1 });
    expect(named(wire, 'wx.openApi')).toEqual([]);
    expect(gateway.db.find('inbox', { to: people.cadreA._id })).toHaveLength(1);
    expect(containers.get('wishes')!.output()).not.toMatch(/internal error|nudge failed/);
  });

  it("runs only a timer the platform fired: a client's timer-shaped event is refused", async () => {
    const forged = await containers.get('wishes')!.invoke({ Type: 'Timer', TriggerName: 'daily' }, { WX_OPENID: openidOf('cadreA') });
    expect(forged).toMatchObject({ ok: false, error: { code: 'COMMON.BAD_REQUEST' } });
  });
});

describe('the wish wall and claims over node-sdk', () => {
  const id = 'wall-bundle-1';
  beforeAll(() => {
    const passed = { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, detail: [], trace_id: 'trace-2' };
    gateway.openApiReply = (w) => (w.params.apiName === 'security.msgSecCheck' ? passed : { errcode: 0, errmsg: 'ok' });
    gateway.db.insert('wishes', [
      wishRecord({ _id: id, status: 'published', summary: '一床厚棉被', publishedAt: '2026-11-20T02:00:00.000Z' }) as never,
    ]);
  });
  afterAll(() => {
    gateway.openApiReply = () => ({ errcode: 0, errmsg: 'ok' });
  });

  it('reads the wall as three indexed queries, one per scope, and the villages in one batch', async () => {
    const { res, wire } = await call('wishes', openidOf('helperA'), 'wall', { limit: 5 });
    expect(dataOf(res).items).toEqual([expect.objectContaining({ id, maskedName: '王**', villageName: '杏花村' })]);
    const reads = named(wire, 'database.getDocument', 'wishes').map(queryOf);
    expect(reads).toEqual(
      expect.arrayContaining([
        { status: 'published', scope: 'village', villageId: 'v-xinghua' },
        { status: 'published', scope: 'township', townshipId: 't-shiqiao' },
        { status: 'published', scope: 'county', countyId: 'c-qinghe' },
      ]),
    );
    expect(named(wire, 'database.getDocument', 'villages')).toHaveLength(1);
  });

  it("shows the wish's page and lets the village cadre widen it in a transaction", async () => {
    expect(dataOf((await call('wishes', openidOf('helperA'), 'get', { id })).res)).toMatchObject({ id, text: null, can: ['claim'] });
    const { res, wire } = await call('wishes', openidOf('cadreA'), 'widen', { id, scope: 'township' });
    expect(dataOf(res)).toEqual({ id, status: 'published', scope: 'township' });
    expect(named(wire, 'database.modifyDocument', 'wishes')[0].params.transactionId).toBeTruthy();
  });

  it("claims it in one transaction with the claimer's counter, and lists it under the claimer's claims", async () => {
    const { res, wire } = await call('wishes', openidOf('helperA'), 'claim', { id });
    expect(dataOf(res)).toMatchObject({ id, status: 'claimed' });
    const writes = wire.filter((w) => w.params.transactionId && /insertDocument|modifyDocument/.test(String(w.action)));
    expect(new Set(writes.map((w) => w.params.transactionId)).size).toBe(1);
    expect(writes.map((w) => w.params.collectionName).sort()).toEqual(['counters', 'wishes']);
    expect(await call('wishes', openidOf('cadreA'), 'claim', { id })).toMatchObject({
      res: { ok: false, error: { code: 'WISH.ALREADY_CLAIMED' } },
    });
    expect(dataOf((await call('wishes', openidOf('helperA'), 'myClaims', {})).res).items).toEqual([expect.objectContaining({ id })]);
  });

  it('releases it, claims it again, delivers it, and the household confirms and thanks', async () => {
    expect(dataOf((await call('wishes', openidOf('helperA'), 'release', { id, reason: '临时出差去外地' })).res).status).toBe('published');
    dataOf((await call('wishes', openidOf('helperA'), 'claim', { id })).res);
    const fulfil = await call('wishes', openidOf('helperA'), 'fulfil', { id, note: '已经送到家里了' });
    expect(dataOf(fulfil.res).status).toBe('fulfilled');
    expect(named(fulfil.wire, 'wx.openApi').map((w) => w.params.apiName)).toEqual(['security.msgSecCheck']);
    expect(dataOf((await call('wishes', openidOf('villagerA'), 'confirm', { id })).res).status).toBe('confirmed');
    expect(dataOf((await call('wishes', openidOf('villagerA'), 'thank', { id, text: '谢谢您送来的棉被' })).res).status).toBe('confirmed');
    expect(gateway.db.find('wishes', { _id: id })[0]).toMatchObject({ status: 'confirmed', thanks: { text: '谢谢您送来的棉被' } });
  });
});

describe('the wishes bundle with a subscription template', () => {
  beforeEach(() => gateway.db.remove('inbox', {}));

  it("nudges the cadre by cloud call, exactly as wx-server-sdk's subscribeMessage.send would, with the timer's token", async () => {
    const { res, wire } = await fire('wishes', 'daily', 'wishes+template');
    expect(dataOf(res)).toMatchObject({ notified: 1 });
    const [nudge, ...more] = named(wire, 'wx.openApi');
    expect(more).toEqual([]);
    expect(nudge.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(Object.keys(nudge.parts!).sort()).toEqual([
      'action',
      'apiName',
      'crossAuthorizationToken',
      'envName',
      'requestData',
      'sessionToken',
      'tcb_sessionToken',
      'wxCloudApiToken',
    ]);
    expect(nudge.params).toMatchObject({ apiName: 'subscribeMessage.send', wxCloudApiToken: 'wx-api-token-timer' });
    expect(readFields(nudge.parts!.requestData)[0]).toEqual([1, 0n]);
    expect(openApiPairs(nudge.parts!.requestData)).toEqual([
      ['touser', JSON.stringify(openidOf('cadreA'))],
      ['page', '"cadre/review-wishes/index"'],
      [
        'data',
        JSON.stringify({
          thing1: { value: '心愿待审核' },
          thing2: { value: [...'村里有 1 条微心愿等待您审核，审核通过后才会上心愿墙。'].slice(0, 20).join('') },
        }),
      ],
      ['lang', '"zh_CN"'],
      ['template_id', JSON.stringify(TEMPLATE)],
      ['miniprogram_state', '"formal"'],
    ]);
    expect(containers.get('wishes+template')!.output()).not.toMatch(/nudge/);
  });

  it('logs a user without an acceptance left as info, and a refused call at error level with its code', async () => {
    const wishes = containers.get('wishes+template')!;
    gateway.openApiReply = () => ({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
    expect(dataOf((await fire('wishes', 'daily', 'wishes+template')).res)).toMatchObject({ notified: 1 });
    gateway.db.remove('inbox', {});
    gateway.openApiReply = () => ({ tcbError: 'PERMISSION_DENIED' });
    expect(dataOf((await fire('wishes', 'daily', 'wishes+template')).res)).toMatchObject({ notified: 1 });
    gateway.openApiReply = () => ({ errcode: 0 });
    await expect(outputOf(wishes, /subscription nudge failed \{\s*errcode: 'PERMISSION_DENIED'/)).resolves.toBeTruthy();
    expect(wishes.output()).toMatch(/no acceptance left \{ errcode: 43101/);
  });
});

describe('the inbox bundle over node-sdk', () => {
  it('lists the reminder with its unread count', async () => {
    const { res, wire } = await call('inbox', openidOf('cadreA'), 'list', {});
    const page = dataOf(res);
    expect(page.items).toEqual([expect.objectContaining({ title: '心愿待审核', read: false, link: '/cadre/review-wishes/index' })]);
    expect(page.unread).toBe(1);
    expect(named(wire, 'database.calculateDocument', 'inbox').map(queryOf)).toEqual([{ to: people.cadreA._id, readAt: null }]);
  });

  it('marks it read with a conditional update that raises _rev, once', async () => {
    const [message] = dataOf((await call('inbox', openidOf('cadreA'), 'list', {})).res).items;
    const { res, wire } = await call('inbox', openidOf('cadreA'), 'markRead', { ids: [message.id] });
    expect(dataOf(res)).toEqual({ updated: 1 });
    const [update] = named(wire, 'database.modifyDocument', 'inbox');
    expect(queryOf(update)).toEqual({ to: people.cadreA._id, readAt: null, _id: message.id });
    expect(decode(update.params.data)).toEqual({ $set: { readAt: expect.any(String) }, $inc: { _rev: 1 } });
    expect(dataOf((await call('inbox', openidOf('cadreA'), 'markRead', { ids: [message.id] })).res)).toEqual({ updated: 0 });
    expect(dataOf((await call('inbox', openidOf('cadreA'), 'list', {})).res).unread).toBe(0);
  });
});

describe('the tasks and visits bundles over node-sdk', () => {
  const passed = { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, detail: [], trace_id: 'trace-3' };
  const countyOffice = { ...people.office, _id: 'm-oc', name: '钱主任', scopeLevel: 'county', scopeId: 'c-qinghe', townshipId: null };
  let followUp = '';

  beforeAll(() => {
    gateway.openApiReply = (w) => (w.params.apiName === 'security.msgSecCheck' ? passed : { errcode: 0, errmsg: 'ok' });
    gateway.db.insert('members', [{ ...countyOffice, openid: 'wx-m-oc' }]);
    gateway.db.insert('users', [{ _id: 'wx-m-oc', memberId: 'm-oc', boundAt: '2026-11-01T00:00:00.000Z' }]);
  });
  afterAll(() => {
    gateway.openApiReply = () => ({ errcode: 0, errmsg: 'ok' });
  });

  /** Every read of the run, and how many documents each asked for: none more than 100. */
  const readLimits = (wire: WireRequest[]) => named(wire, 'database.getDocument').map((w) => Number(w.params.limit ?? 1));

  it("runs the daily timer: the period's tasks by id, reads of at most 100, digests into the inbox; a second run adds nothing", async () => {
    const { res, wire } = await fire('tasks', 'daily');
    const first = dataOf(res);
    // Three routine visits and the helper's, and a festival visit each in the ten days before one (real time runs here).
    expect(first).toMatchObject({ counties: 1, households: 3, created: expect.any(Number) });
    expect(first.created).toBeGreaterThanOrEqual(4);
    expect(named(wire, 'database.insertDocument', 'tasks')).toHaveLength(first.created);
    expect(Math.max(...readLimits(wire))).toBeLessThanOrEqual(100);
    expect(gateway.db.count('tasks', {})).toBe(first.created);
    const again = await fire('tasks', 'daily');
    expect(dataOf(again.res)).toMatchObject({ created: 0, digests: 0 });
    expect(named(again.wire, 'database.insertDocument', 'tasks')).toEqual([]);
    expect(containers.get('tasks')!.output()).not.toMatch(/internal error/);
  });

  it('reports an event in one transaction (the event and its must-visits), after checking the note by cloud call', async () => {
    const input = { event: 'serious_illness', note: '老人突发脑梗住院了', requestId: randomUUID() };
    const { res, wire } = await call('tasks', openidOf('villagerA'), 'reportEvent', input);
    const answer = dataOf(res);
    expect(answer.visitors).toEqual([
      { name: '赵明远', role: 'cadre', title: '第一书记' },
      { name: '陈静', role: 'helper', title: null },
    ]);
    const inserts = named(wire, 'database.insertDocument').filter((w) => w.params.transactionId);
    expect(new Set(inserts.map((w) => w.params.transactionId)).size).toBe(1);
    expect(inserts.map((w) => w.params.collectionName).sort()).toEqual(['events', 'tasks', 'tasks']);
    expect(named(wire, 'wx.openApi').map((w) => w.params.apiName)).toEqual(['security.msgSecCheck']);
    expect(gateway.db.find('inbox', { to: people.helperA._id })).toEqual([expect.objectContaining({ title: '必访：重大疾病' })]);
    expect(dataOf((await call('tasks', openidOf('villagerA'), 'reportEvent', input)).res).eventId).toBe(answer.eventId);
  });

  it("lists the cadre's tasks with the must-visit on top, and shows one with its history", async () => {
    const { res, wire } = await call('tasks', openidOf('cadreA'), 'list', { tab: 'today' });
    const page = dataOf(res);
    expect(page.items[0]).toMatchObject({ kind: 'must_visit', urgent: true, householdLabel: '王建国 三组 12 号' });
    expect(page.counts.today).toBeGreaterThanOrEqual(1);
    expect(named(wire, 'database.getDocument', 'tasks').map(queryOf)).toContainEqual({
      assignee: 'village:v-xinghua',
      status: { $in: ['open', 'overdue'] },
    });
    const detail = dataOf((await call('tasks', openidOf('cadreA'), 'detail', { id: page.items[0].id })).res);
    expect(detail.history).toEqual([expect.objectContaining({ action: 'create', by: '村民 王秀兰' })]);
  });

  it('logs a visit that settles the team’s tasks and opens a follow-up, in one transaction', async () => {
    const input = {
      householdId: 'h-a1',
      mode: 'in_person',
      answers: { family: '老两口', hardship: '老伴住院', needs: '报销材料', intention: '养羊' },
      problems: [{ text: '住院报销还没办', ownerId: people.cadreA._id }],
      requestId: randomUUID(),
    };
    const { res, wire } = await call('visits', openidOf('cadreA'), 'log', input);
    const answer = dataOf(res);
    // The month's routine visit and the must-visit (and a festival visit, in the days before one).
    expect(answer.resolvedTaskIds.length).toBeGreaterThanOrEqual(2);
    followUp = answer.followUpIds[0];
    const writes = wire.filter((w) => w.params.transactionId && /insertDocument|modifyDocument/.test(String(w.action)));
    expect(new Set(writes.map((w) => w.params.transactionId)).size).toBe(1);
    expect(writes.map((w) => `${w.action} ${String(w.params.collectionName)}`).sort()).toEqual([
      'database.insertDocument tasks',
      'database.insertDocument visits',
      ...answer.resolvedTaskIds.map(() => 'database.modifyDocument tasks'),
    ]);
    expect(dataOf((await call('visits', openidOf('cadreA'), 'log', input)).res)).toEqual(answer);
    expect(gateway.db.count('visits', {})).toBe(1);
  });

  it('shows the household page to its cadre and records the read; pages its history; lists a helper’s households', async () => {
    const { res, wire } = await call('visits', openidOf('cadreA'), 'household', { householdId: 'h-a1' });
    const seen = dataOf(res);
    expect(seen.visits.items).toHaveLength(1);
    expect(seen.followUps).toEqual([expect.objectContaining({ id: followUp, text: '住院报销还没办' })]);
    expect(named(wire, 'database.insertDocument', 'access').map((w) => decode((w.params.data as string[])[0]))).toEqual([
      expect.objectContaining({ memberId: people.cadreA._id, householdId: 'h-a1' }),
    ]);
    const history = dataOf((await call('visits', openidOf('office'), 'history', { householdId: 'h-a1' })).res);
    expect(history.items).toHaveLength(1);
    const rows = dataOf((await call('visits', openidOf('helperA'), 'households', {})).res);
    expect(rows.items).toEqual([expect.objectContaining({ id: 'h-a1', lastVisitedOn: expect.any(String) })]);
  });

  it('skips, reschedules and completes tasks, each in a transaction', async () => {
    const helperTasks = dataOf((await call('tasks', openidOf('helperA'), 'list', { tab: 'all' })).res).items;
    const mustVisit = helperTasks.find((t: { kind: string }) => t.kind === 'must_visit');
    const routine = helperTasks.find((t: { kind: string }) => t.kind === 'helper');
    const skip = await call('tasks', openidOf('helperA'), 'skip', { id: mustVisit.id, reason: '干部已经去过了' });
    expect(dataOf(skip.res).status).toBe('skipped');
    expect(named(skip.wire, 'database.modifyDocument', 'tasks')[0].params.transactionId).toBeTruthy();
    const due = new Date(Date.now() + 8 * 3_600_000 + 5 * 86_400_000).toISOString().slice(0, 10);
    const moved = await call('tasks', openidOf('helperA'), 'reschedule', { id: routine.id, dueDate: due, reason: '户主外出几天' });
    expect(dataOf(moved.res).dueDate).toBe(due);
    const done = await call('tasks', openidOf('cadreA'), 'complete', { id: followUp, note: '报销材料已经交上去了' });
    expect(dataOf(done.res).status).toBe('done');
  });

  it('reports a cadre event for the township office, and reads and switches the visit policy', async () => {
    const cared = await call('tasks', openidOf('cadreA'), 'reportCadreEvent', {
      memberId: people.cadreA._id,
      event: 'hospitalised',
      note: '胃出血住院一周',
    });
    expect(dataOf(cared.res)).toMatchObject({ eventId: expect.any(String) });
    const candidates = await call('tasks', 'wx-m-oc', 'careCandidates', { limit: 1 });
    expect(dataOf(candidates.res)).toMatchObject({
      items: [expect.objectContaining({ name: expect.any(String) })],
      nextCursor: expect.any(String),
    });
    expect(gateway.db.find('inbox', { to: people.office._id })).toEqual([expect.objectContaining({ title: '关爱干部：生病住院' })]);
    expect(dataOf((await call('tasks', openidOf('cadreA'), 'policy', {})).res)).toMatchObject({ current: 'hebei-2018', canChange: false });
    expect((await call('tasks', openidOf('office'), 'setPolicy', { presetId: 'shanxi-2022' })).res).toMatchObject({
      ok: false,
      error: { code: 'COMMON.FORBIDDEN' },
    });
    const { res, wire } = await call('tasks', 'wx-m-oc', 'setPolicy', { presetId: 'shanxi-2022' });
    expect(dataOf(res)).toMatchObject({ presetId: 'shanxi-2022', from: expect.stringMatching(/-01$/) });
    expect(named(wire, 'database.insertDocument', 'settings')[0].params.transactionId).toBeTruthy();
    expect(gateway.db.find('settings', { _id: 'visit-policy:c-qinghe' })).toEqual([
      expect.objectContaining({ nextPresetId: 'shanxi-2022' }),
    ]);
  });
});

describe('the board bundle over node-sdk', () => {
  const verdict = (suggest: string, label: number) => ({
    errcode: 0,
    errmsg: 'ok',
    result: { suggest, label },
    detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
    trace_id: `trace-board-${suggest}`,
  });
  let answer: { errcode: number; errmsg?: string } = verdict('pass', 100);
  let postId = '';

  beforeAll(() => {
    gateway.openApiReply = (w) => (w.params.apiName === 'security.msgSecCheck' ? answer : { errcode: 0, errmsg: 'ok' });
  });
  beforeEach(() => {
    answer = verdict('pass', 100);
  });
  afterAll(() => {
    gateway.openApiReply = () => ({ errcode: 0, errmsg: 'ok' });
  });

  it('checks a post by cloud call as a forum text (scene 3), masked, and stores it with the counters in one transaction', async () => {
    const input = { text: '谁捡到一只黑羊请打13812345678', requestId: randomUUID() };
    const { res, wire } = await call('board', openidOf('villagerA'), 'post', input);
    const post = dataOf(res);
    postId = post.id;
    expect(post).toMatchObject({ text: '谁捡到一只黑羊请打138****5678', status: 'visible', official: false });
    const [check, ...more] = named(wire, 'wx.openApi');
    expect(more).toEqual([]);
    expect(check.params).toMatchObject({ apiName: 'security.msgSecCheck', wxCloudApiToken: 'wx-api-token-client' });
    expect(openApiPairs(check.parts!.requestData)).toEqual([
      ['openid', JSON.stringify(openidOf('villagerA'))],
      ['scene', '3'],
      ['version', '2'],
      ['content', JSON.stringify('谁捡到一只黑羊请打138****5678')],
    ]);
    const config = JSON.parse(readFileSync(join(dir, 'board', 'config.json'), 'utf8')) as { permissions: { openapi: string[] } };
    expect(config.permissions.openapi).toEqual(expect.arrayContaining(['security.msgSecCheck', 'subscribeMessage.send']));
    const inserts = named(wire, 'database.insertDocument').filter((w) => w.params.transactionId);
    expect(new Set(inserts.map((w) => w.params.transactionId)).size).toBe(1);
    expect(inserts.map((w) => w.params.collectionName).sort()).toEqual(['boardPosts', 'counters', 'counters']);
    expect(JSON.stringify(gateway.db.find('boardPosts', { _id: postId }))).not.toContain('13812345678');

    const again = await call('board', openidOf('villagerA'), 'post', input);
    expect(dataOf(again.res)).toEqual(post);
    expect(named(again.wire, 'wx.openApi')).toEqual([]);
    expect(gateway.db.count('boardPosts', { authorId: people.villagerA._id })).toBe(1);
  });

  it('holds a post WeChat says to review for the cadres, and refuses one it calls risky, storing nothing', async () => {
    answer = verdict('review', 21000);
    const held = dataOf((await call('board', openidOf('helperA'), 'post', { text: '收旧手机' })).res);
    expect(held.status).toBe('held');
    expect(gateway.db.find('inbox', { to: people.cadreA._id })).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: '留言待审核' })]),
    );
    answer = verdict('risky', 20006);
    const { res, wire } = await call('board', openidOf('helperA'), 'post', { text: '一段文字' });
    expect(res).toMatchObject({ ok: false, error: { code: 'CONTENT.REJECTED' } });
    expect(named(wire, 'database.insertDocument')).toEqual([]);
    // WeChat gives no verdict (the user has not opened the mini-program for two hours): held, never shown unchecked.
    answer = { errcode: 61010, errmsg: 'code is expired' };
    expect(dataOf((await call('board', openidOf('helperA'), 'post', { text: '另一段文字' })).res).status).toBe('held');
  });

  // 王建国's binding was reset by the users tests: the helper, like a villager, sees the visible posts and their own held ones.
  it('lists by keyset on the indexed keys: visible posts for a helper and their own held ones; every post for a cadre', async () => {
    const { res, wire } = await call('board', openidOf('helperA'), 'list', { limit: 5 });
    const page = dataOf(res);
    expect(page).toMatchObject({ villageName: '杏花村', canModerate: false });
    expect(page.items.map((p: { status: string }) => p.status).sort()).toEqual(['held', 'held', 'visible']);
    const reads = named(wire, 'database.getDocument', 'boardPosts');
    expect(reads.map(queryOf)).toEqual([
      { villageId: 'v-xinghua', status: 'visible' },
      { authorId: people.helperA._id, status: { $in: ['held', 'hidden'] } },
    ]);
    expect(decode(reads[0].params.order)).toEqual({ sortKey: -1, _id: -1 });
    const cadre = await call('board', openidOf('cadreA'), 'list', { limit: 5 });
    expect(dataOf(cadre.res).items).toHaveLength(3);
    expect(named(cadre.wire, 'database.getDocument', 'boardPosts').map(queryOf)).toEqual([{ villageId: 'v-xinghua', listed: true }]);
  });

  it("takes a cadre's official reply in a transaction and tells the post's author", async () => {
    const { res, wire } = await call('board', openidOf('cadreA'), 'reply', { postId, text: '村委会广播一下', requestId: randomUUID() });
    expect(dataOf(res).replies).toEqual([expect.objectContaining({ official: true, authorName: '赵明远' })]);
    const [update] = named(wire, 'database.modifyDocument', 'boardPosts');
    expect(update.params.transactionId).toBeTruthy();
    expect(gateway.db.find('inbox', { to: people.villagerA._id })).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: '干部回复了您的留言' })]),
    );
  });

  it('takes a report, and lets the cadre pin, hide, restore and delete, each in a transaction', async () => {
    const reported = await call('board', openidOf('helperA'), 'report', { postId, reason: 'personal_info' });
    expect(dataOf(reported.res)).toEqual({ hidden: false });
    expect(named(reported.wire, 'database.modifyDocument', 'boardPosts')[0].params.transactionId).toBeTruthy();
    expect(dataOf((await call('board', openidOf('cadreA'), 'pin', { postId, pinned: true })).res).pinned).toBe(true);
    for (const action of ['hide', 'restore'] as const) {
      const { res, wire } = await call('board', openidOf('cadreA'), 'moderate', { postId, action });
      expect(dataOf(res).post.status).toBe(action === 'hide' ? 'hidden' : 'visible');
      expect(named(wire, 'database.modifyDocument', 'boardPosts')[0].params.transactionId).toBeTruthy();
    }
    expect(dataOf((await call('board', openidOf('cadreA'), 'moderate', { postId, action: 'delete' })).res)).toEqual({ post: null });
    expect(gateway.db.find('boardPosts', { _id: postId })[0]).toMatchObject({ status: 'deleted', listed: false });
    expect((await call('board', openidOf('villagerB'), 'report', { postId, reason: 'spam' })).res).toMatchObject({
      ok: false,
      error: { code: 'BOARD.NOT_FOUND' },
    });
  });
});

describe('the consults bundle over node-sdk', () => {
  const passed = { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, detail: [], trace_id: 'trace-consult' };
  const requestId = randomUUID();
  let id = '';

  beforeAll(() => {
    gateway.openApiReply = (w) => (w.params.apiName === 'security.msgSecCheck' ? passed : { errcode: 0, errmsg: 'ok' });
    // A second cadre of 杏花村 to hand a request to, and the county office that keeps the legal-aid card.
    gateway.db.insert('members', [{ ...people.cadreA, _id: 'm-ca2', name: '钱晓燕', title: '驻村工作队员', openid: 'wx-m-ca2' }]);
    gateway.db.insert('users', [{ _id: 'wx-m-ca2', memberId: 'm-ca2', boundAt: '2026-11-01T00:00:00.000Z' }]);
    if (gateway.db.count('members', { _id: 'm-oc' }) === 0) {
      gateway.db.insert('members', [
        { ...people.office, _id: 'm-oc', name: '钱主任', scopeLevel: 'county', scopeId: 'c-qinghe', townshipId: null, openid: 'wx-m-oc' },
      ]);
      gateway.db.insert('users', [{ _id: 'wx-m-oc', memberId: 'm-oc', boundAt: '2026-11-01T00:00:00.000Z' }]);
    }
  });
  afterAll(() => {
    gateway.openApiReply = () => ({ errcode: 0, errmsg: 'ok' });
  });

  it("submits in one transaction with the household's counter, after checking the text by cloud call; a retry answers the same", async () => {
    const input = { type: 'forms', text: '想请干部帮忙填医保报销的表格', consent: true, requestId };
    const { res, wire } = await call('consults', openidOf('villagerA'), 'submit', input);
    const made = dataOf(res);
    id = made.id;
    expect(made).toMatchObject({ status: 'submitted', householdLabel: '我家', assignee: '本村驻村干部' });
    const inTx = wire.filter((w) => w.params.transactionId && w.action === 'database.insertDocument');
    expect(new Set(inTx.map((w) => w.params.transactionId)).size).toBe(1);
    expect(inTx.map((w) => w.params.collectionName).sort()).toEqual(['consults', 'counters']);
    expect(named(wire, 'wx.openApi').map((w) => w.params.apiName)).toEqual(['security.msgSecCheck']);
    const config = JSON.parse(readFileSync(join(dir, 'consults', 'config.json'), 'utf8')) as { permissions: { openapi: string[] } };
    expect(config.permissions.openapi).toEqual(expect.arrayContaining(['security.msgSecCheck', 'subscribeMessage.send']));
    const again = await call('consults', openidOf('villagerA'), 'submit', input);
    expect(dataOf(again.res)).toEqual(made);
    expect(named(again.wire, 'wx.openApi')).toEqual([]);
    expect(gateway.db.count('consults', {})).toBe(1);
    expect(gateway.db.find('inbox', { to: 'm-ca2' })).toEqual([expect.objectContaining({ title: '有新的求助' })]);
  });

  it("lists the household's requests and the cadre's queue, each one indexed read by keyset", async () => {
    const mine = await call('consults', openidOf('villagerA'), 'mine', { limit: 5 });
    expect(dataOf(mine.res).items.map((i: { id: string }) => i.id)).toEqual([id]);
    const [read] = named(mine.wire, 'database.getDocument', 'consults');
    expect(queryOf(read)).toEqual({ householdId: 'h-a1' });
    expect(decode(read.params.order)).toEqual({ householdOrder: -1, _id: -1 });
    const queue = await call('consults', openidOf('cadreA'), 'assigned', { view: 'open' });
    expect(dataOf(queue.res)).toMatchObject({ overdue: 0, items: [expect.objectContaining({ id })] });
    expect(decode(named(queue.wire, 'database.getDocument', 'consults')[0].params.order)).toEqual({ dueAt: 1, _id: 1 });
    const done = await call('consults', openidOf('cadreA'), 'assigned', { view: 'done' });
    expect(dataOf(done.res).items).toEqual([]);
    const detail = await call('consults', openidOf('cadreA'), 'get', { id });
    expect(dataOf(detail.res).can).toMatchObject({ accept: true, assign: true });
  });

  it('accepts, hands over, talks, resolves and confirms, each change in a transaction', async () => {
    const accepted = await call('consults', openidOf('cadreA'), 'accept', { id });
    expect(dataOf(accepted.res).status).toBe('accepted');
    expect(named(accepted.wire, 'database.modifyDocument', 'consults')[0].params.transactionId).toBeTruthy();
    const candidates = await call('consults', openidOf('cadreA'), 'assignees', { id });
    expect(dataOf(candidates.res).items.map((i: { memberId: string }) => i.memberId)).toEqual(['m-ca2', people.office._id]);
    expect(dataOf((await call('consults', openidOf('cadreA'), 'assign', { id, toMemberId: 'm-ca2' })).res).assignee).toBe(
      '钱晓燕（驻村工作队员）',
    );
    const replied = await call('consults', 'wx-m-ca2', 'reply', { id, text: '明天上午我来您家一起填' });
    expect(dataOf(replied.res).status).toBe('in_progress');
    expect(named(replied.wire, 'wx.openApi').map((w) => w.params.apiName)).toEqual(['security.msgSecCheck']);
    dataOf((await call('consults', openidOf('villagerA'), 'reply', { id, text: '好的，我在家等您' })).res);
    expect(dataOf((await call('consults', 'wx-m-ca2', 'resolve', { id, note: '表格已经交到镇医保站' })).res).status).toBe('resolved');
    const confirmed = await call('consults', openidOf('villagerA'), 'confirm', { id, solved: true });
    expect(dataOf(confirmed.res).status).toBe('closed');
    const writes = confirmed.wire.filter((w) => w.params.transactionId && w.action === 'database.modifyDocument');
    expect(new Set(writes.map((w) => w.params.transactionId)).size).toBe(1);
    expect(writes.map((w) => w.params.collectionName).sort()).toEqual(['consults', 'counters']);
    expect(gateway.db.find('inbox', { to: people.villagerA._id }).map((n) => n.title)).toEqual(
      expect.arrayContaining(['求助已受理', '求助已转交', '干部回复了您的求助', '问题解决了吗？']),
    );
  });

  it('keeps the legal-aid card per county: everyone reads it, only the county office replaces it', async () => {
    expect(dataOf((await call('consults', openidOf('helperA'), 'legalCard')).res)).toEqual({
      hotline: '12348',
      centre: null,
      judicialOffices: [],
    });
    const card = { hotline: '12348', centre: null, judicialOffices: [{ name: '石桥镇司法所', phone: '0000-6023456', address: null }] };
    expect((await call('consults', openidOf('office'), 'setLegalCard', card)).res).toMatchObject({
      ok: false,
      error: { code: 'COMMON.FORBIDDEN' },
    });
    const { res, wire } = await call('consults', 'wx-m-oc', 'setLegalCard', card);
    expect(dataOf(res)).toEqual(card);
    expect(named(wire, 'database.insertDocument', 'legalCards')[0].params.transactionId).toBeTruthy();
    expect(dataOf((await call('consults', openidOf('villagerA'), 'legalCard')).res)).toEqual(card);
  });

  it('runs the hourly timer: reads of at most 100, an overdue request escalated once; a second run changes nothing', async () => {
    const long = new Date(Date.now() - 10 * 86_400_000).toISOString();
    const past = new Date(Date.now() - 9 * 86_400_000).toISOString();
    const stale = {
      ...gateway.db.find('consults', { _id: id })[0],
      _id: 'c-overdue',
      householdId: 'h-a1',
      status: 'submitted',
      open: true,
      raised: false,
      dueAt: past,
      respondBy: past,
      submittedAt: long,
      assigneeId: null,
      assigneeRole: null,
      acceptedAt: null,
      resolvedAt: null,
      resolution: null,
      closedAt: null,
      escalatedAt: null,
      overdueNotifiedFor: null,
      thread: [],
      history: [],
    };
    gateway.db.insert('consults', [stale]);
    const { res, wire } = await fire('consults', 'hourly');
    expect(dataOf(res)).toEqual({ overdue: 1, escalated: 1, closed: 0 });
    expect(Math.max(...named(wire, 'database.getDocument').map((w) => Number(w.params.limit ?? 1)))).toBeLessThanOrEqual(100);
    expect(gateway.db.find('inbox', { to: people.office._id }).map((n) => n.title)).toContain('求助逾期，请督办');
    expect(gateway.db.find('consults', { _id: 'c-overdue' })[0]).toMatchObject({
      escalatedAt: expect.any(String),
      overdueNotifiedFor: past,
    });
    const again = await fire('consults', 'hourly');
    expect(dataOf(again.res)).toEqual({ overdue: 0, escalated: 0, closed: 0 });
    expect(named(again.wire, 'database.modifyDocument')).toEqual([]);
    expect(containers.get('consults')!.output()).not.toMatch(/internal error/);
  });
});

describe('the notices bundle over node-sdk', () => {
  beforeAll(() => {
    gateway.openApiReply = (w) =>
      w.params.apiName === 'security.msgSecCheck'
        ? { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } }
        : { errcode: 0, errmsg: 'ok' };
  });
  afterAll(() => {
    gateway.openApiReply = () => ({ errcode: 0, errmsg: 'ok' });
  });

  it('publishes an announcement checked by cloud call, lists it, reads it and counts its readers', async () => {
    const villages = dataOf((await call('notices', openidOf('cadreA'), 'villages')).res);
    expect(villages.items).toEqual([{ id: 'v-xinghua', name: '杏花村' }]);
    const published = await call('notices', openidOf('cadreA'), 'publish', {
      kind: 'announcement',
      title: '冬季防火通知',
      body: '天干物燥，请各家各户注意用火安全。',
      requestId: randomUUID(),
    });
    const notice = dataOf(published.res);
    expect(named(published.wire, 'wx.openApi').map((w) => w.params.apiName)).toEqual(['security.msgSecCheck']);
    expect(named(published.wire, 'database.insertDocument', 'noticeRows')).toHaveLength(3);
    const page = dataOf((await call('notices', openidOf('villagerA'), 'list')).res);
    expect(page.items[0]).toMatchObject({ id: notice.id, kind: 'announcement', read: false });
    expect(dataOf((await call('notices', openidOf('villagerA'), 'get', { id: notice.id })).res)).toMatchObject({
      villageNames: ['杏花村'],
    });
    expect(dataOf((await call('notices', openidOf('villagerA'), 'markRead', { id: notice.id })).res)).toEqual({ read: true });
    const readers = dataOf((await call('notices', openidOf('cadreA'), 'readers', { id: notice.id })).res);
    // The users suite before binds and unbinds people of 杏花村: who is on the app varies, the helper is always there.
    expect(readers).toMatchObject({
      read: 1,
      unread: expect.arrayContaining([expect.objectContaining({ memberId: people.helperA._id, label: '帮扶责任人' })]),
    });
  });

  it('takes an office’s warning, and a cadre’s note for the coming term', async () => {
    const warning = await call('notices', openidOf('office'), 'enterWarning', {
      type: '大风',
      level: 'blue',
      title: '大风蓝色预警',
      text: '县气象台电话通知：明天有六级大风，请加固大棚。',
      start: new Date().toISOString(),
      end: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(dataOf(warning.res)).toMatchObject({ kind: 'warning', level: 'blue', active: true });
    const preview = dataOf((await call('notices', openidOf('cadreA'), 'previewTerm')).res);
    expect(preview).toMatchObject({ regionLabel: '华北平原' });
    const next = nextSolarTerm(chinaDate(new Date()));
    const noted = await call('notices', openidOf('cadreA'), 'setTermNote', {
      termId: next.id,
      year: Number(next.date.slice(0, 4)),
      note: '村西洼地先别浇水。',
    });
    expect(dataOf(noted.res)).toMatchObject({ termId: next.id, localNote: '村西洼地先别浇水。' });
    expect(named(noted.wire, 'database.insertDocument', 'termNotes')[0].params.transactionId).toBeTruthy();
  });

  it('polls QWeather in its timer and publishes a red warning to everyone once, however often it runs', async () => {
    const first = await fire('notices', 'tick');
    expect(dataOf(first.res)).toMatchObject({ publish: 1, locationsFailed: 0 });
    expect(qweatherAsked[0]).toEqual({ url: `/v7/warning/now?location=${DEMO_LOCATION}&lang=zh`, key: 'qw-test-key' });
    expect(dataOf((await fire('notices', 'tick')).res)).toMatchObject({ seen: 1 });
    expect(gateway.db.find('notices', { kind: 'warning', level: 'red' })).toHaveLength(1);
    const told = gateway.db.find('inbox', { to: people.villagerB._id });
    expect(told.filter((n) => String(n.title).startsWith('【红色预警】'))).toHaveLength(1);
  });
});

describe('the bundles', () => {
  // Cloud storage (photo links, the ledger file) adds about 104 KB to each. exceljs, which writes the
  // wish ledger, adds about 1 MB to wishes alone; it is required on the first ledger call only, so
  // the other actions' cold start does not run it. lunar-typescript, which dates the festivals, adds
  // about 330 KB to tasks (its timer makes festival tasks); visits leaves it out (LEFT_OUT_BY_FUNCTION).
  // notices carries lunar-typescript too: its timer dates the solar terms.
  const limits: Record<string, number> = { wishes: 1600 * 1024, tasks: 800 * 1024, notices: 800 * 1024 };
  it('carry only the SDK they use: each under 550 KB (the whole SDK made them 1.1 MB), wishes under 1.6 MB with the ledger, tasks under 800 KB with the lunar calendar', () => {
    for (const name of Object.keys(contracts)) {
      const text = readFileSync(join(dir, name, 'index.js'), 'utf8');
      expect(text.length).toBeLessThan(limits[name] ?? 550 * 1024);
      expect(text).toContain('is left out of this bundle');
    }
  });

  it('use nothing newer than Node 16 that esbuild cannot lower', () => {
    for (const name of Object.keys(contracts)) {
      const text = readFileSync(join(dir, name, 'index.js'), 'utf8');
      expect(
        text.match(/\.(findLast|findLastIndex|toSorted|toReversed|toSpliced|withResolvers|isWellFormed|toWellFormed)\(|structuredClone\(/g),
      ).toBeNull();
    }
  });

  it('ran every action and every timer of every function', () => {
    const all = Object.entries(contracts).flatMap(([fn, c]) => [
      ...Object.keys(c.actions).map((a) => `${fn}.${a}`),
      ...((c as { timers?: readonly { name: string }[] }).timers ?? []).map((t) => `${fn}.timer:${t.name}`),
    ]);
    expect([...covered].sort()).toEqual(all.sort());
  });
});
