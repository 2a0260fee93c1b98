import { dataOf } from '../../test/support/world';
import { makeConsultWorld, type ConsultWorld } from '../../test/support/consult-world';

let w: ConsultWorld;
beforeEach(async () => {
  w = await makeConsultWorld();
});

const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
const card = {
  hotline: '12348',
  centre: { name: '青禾县法律援助中心', phone: '0000-1234567', address: '青禾县示例路 1 号' },
  judicialOffices: [{ name: '石桥镇司法所', phone: '0000-7654321', address: null }],
};

describe('法律援助便民服务卡', () => {
  it('reads the national hotline until the county keeps its own card', async () => {
    for (const who of ['villagerA', 'helperA', 'cadreA', 'office'] as const) {
      expect(dataOf(await w.consult(who, 'legalCard', {}))).toEqual({ hotline: '12348', centre: null, judicialOffices: [] });
    }
  });

  it('is replaced by the county office, and shows on legal requests from then on', async () => {
    expect(dataOf(await w.consult('countyOffice', 'setLegalCard', card))).toEqual(card);
    expect(dataOf(await w.consult('villagerA', 'legalCard', {}))).toEqual(card);
    const id = dataOf(await w.consult('villagerA', 'submit', { type: 'legal', text: '打工的工钱被拖欠了半年', consent: true })).id;
    expect(dataOf(await w.consult('cadreA', 'get', { id })).legalAid).toEqual(card);
    const next = { ...card, judicialOffices: [] };
    dataOf(await w.consult('countyOffice', 'setLegalCard', next));
    expect(dataOf(await w.consult('villagerA', 'legalCard', {}))).toEqual(next);
    expect(await w.store.collection('legalCards').get('c-qinghe')).toMatchObject({ updatedBy: 'm-oc' });
  });

  it('may be changed by a county office only: a township office, a cadre or a villager is COMMON.FORBIDDEN', async () => {
    expect(codeOf(await w.consult('office', 'setLegalCard', card))).toBe('COMMON.FORBIDDEN');
    for (const who of ['cadreA', 'villagerA', 'helperA'] as const)
      expect(codeOf(await w.consult(who, 'setLegalCard', card))).toBe('COMMON.FORBIDDEN');
    expect(await w.store.collection('legalCards').count({})).toBe(0);
  });

  it('refuses a malformed card and keeps the old one', async () => {
    dataOf(await w.consult('countyOffice', 'setLegalCard', card));
    expect(codeOf(await w.consult('countyOffice', 'setLegalCard', { ...card, hotline: '' }))).toBe('COMMON.INVALID_INPUT');
    expect(codeOf(await w.consult('countyOffice', 'setLegalCard', { ...card, extra: 1 }))).toBe('COMMON.INVALID_INPUT');
    expect(dataOf(await w.consult('villagerA', 'legalCard', {}))).toEqual(card);
  });
});
