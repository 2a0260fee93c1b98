import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rosterSchema, type RosterInput } from '../../../types/roster';
import { rosterRecords } from './roster';

const example = (): RosterInput => JSON.parse(readFileSync(join(__dirname, '../../../docs/roster.example.json'), 'utf8'));
const problems = (r: RosterInput) => {
  const res = rosterSchema.safeParse(r);
  return res.success ? [] : res.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
};

describe('the roster format', () => {
  it('accepts the documented example', () => {
    expect(problems(example())).toEqual([]);
  });

  it('names every problem with where it is', () => {
    const r = example();
    const village = r.townships[0].villages[0];
    village.households[1].id = village.households[0].id;
    r.staff[1].villageId = undefined;
    r.staff[2].pairedHouseholdIds = ['h-a', 'h-b', 'h-c', 'h-d', 'h-e', 'h-f'];
    r.staff[0].villageId = 'v-example';
    expect(problems(r)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^staff\.2\.pairedHouseholdIds 每名帮扶责任人最多结对 5 户/),
        expect.stringMatching(/^townships\.0\.villages\.0\.households\.1\.id 农户 id h-example-01 重复/),
        expect.stringMatching(/^staff\.1\.villageId 驻村干部和帮扶责任人要填所在村/),
        expect.stringMatching(/^staff\.0\.villageId 驻村办人员不属于某个村/),
      ]),
    );
  });

  it('rejects pairing a helper with a household of another village, or anyone but a helper', () => {
    const r = example();
    r.townships[0].villages.push({
      id: 'v-other',
      name: '别村',
      households: [{ ...r.townships[0].villages[0].households[0], id: 'h-other', members: [] }],
    });
    r.staff[2].pairedHouseholdIds = ['h-other'];
    r.staff[1].pairedHouseholdIds = ['h-example-01'];
    expect(problems(r)).toEqual([
      'staff.1.pairedHouseholdIds 只有帮扶责任人结对农户',
      'staff.2.pairedHouseholdIds.0 结对农户 h-other 不在该帮扶责任人所在村',
    ]);
  });

  it('rejects people listed twice, unknown categories and ids that are not plain', () => {
    const r = example();
    r.staff[1].id = 'm-example-01-1';
    (r.townships[0].villages[0].households[2] as { category: string }).category = 'poor';
    r.townships[0].villages[0].id = 'v/../x';
    const found = problems(r);
    expect(found.sort()).toEqual([
      'townships.0.villages.0.households.2.category 类别只能是 lifted（脱贫户）、monitored（监测户）、ordinary（一般农户）',
      'townships.0.villages.0.id id 只能由字母、数字、- 和 _ 组成，最长 64 位',
    ]);
    // Cross-record checks run once the shapes are right.
    r.townships[0].villages[0].id = 'v-example';
    r.townships[0].villages[0].households[2].category = 'ordinary';
    expect(problems(r)).toEqual(['staff.1.id 人员 id m-example-01-1 重复']);
  });
});

describe('roster records', () => {
  const records = rosterRecords(rosterSchema.parse(example()));
  const member = (id: string) => records.members.find((m) => m._id === id)!;

  it('places villagers in their household and village, all unbound', () => {
    expect(member('m-example-01-1')).toMatchObject({
      role: 'villager',
      householdId: 'h-example-01',
      villageId: 'v-example',
      townshipId: 't-example',
      countyId: 'c-example',
      scopeLevel: 'village',
      scopeId: 'v-example',
      openid: null,
    });
    expect(records.members.every((m) => m.openid === null)).toBe(true);
  });

  it('scopes staff to their village, or an office to its township or the county', () => {
    expect(member('m-example-cadre')).toMatchObject({ scopeLevel: 'village', scopeId: 'v-example', townshipId: 't-example' });
    expect(member('m-example-helper').pairedHouseholdIds).toEqual(['h-example-01', 'h-example-02']);
    expect(member('m-example-office')).toMatchObject({ scopeLevel: 'township', scopeId: 't-example', villageId: null });
    const r = example();
    delete r.staff[0].townshipId;
    const countyOffice = rosterRecords(rosterSchema.parse(r)).members.find((m) => m._id === 'm-example-office');
    expect(countyOffice).toMatchObject({ scopeLevel: 'county', scopeId: 'c-example', townshipId: null, villageId: null });
  });

  it('keeps household facts and defaults 不在村 to false', () => {
    expect(records.households.map((h) => [h._id, h.category, h.livesAway])).toEqual([
      ['h-example-01', 'lifted', false],
      ['h-example-02', 'monitored', true],
      ['h-example-03', 'ordinary', false],
    ]);
  });

  it('gives each village its agro-region, the North China plain unless the roster says otherwise', () => {
    expect(records.villages.map((v) => [v._id, v.agroRegion])).toEqual([['v-example', 'north_china_plain']]);
    const r = example();
    (r.townships[0].villages[0] as { agroRegion?: string }).agroRegion = 'qinghai_plateau';
    expect(rosterRecords(rosterSchema.parse(r)).villages[0].agroRegion).toBe('qinghai_plateau');
    (r.townships[0].villages[0] as { agroRegion?: string }).agroRegion = 'tibet';
    expect(problems(r)).toEqual([
      'townships.0.villages.0.agroRegion 农业区只能是 north_china_plain（华北平原）、qinghai_plateau（青海高原）',
    ]);
  });
});
