import type { WishCategory } from '../types';
import type { HouseholdCategory } from '../types';
import { rosterSchema, type Roster, type RosterInput } from '../types/roster';
import { rosterRecords } from '../cloudfunctions/core/domain/roster';
import type { HouseholdRecord, MemberRecord } from '../cloudfunctions/core/records';

/**
 * An invented demo county, written as the roster an office would load in a real
 * environment. Every name and number is made up; phone numbers use the
 * unassigned 100 prefix so that none can reach a real person.
 */
const countyRef = { id: 'c-qinghe', name: '青禾县' };
const townshipRef = { id: 't-shiqiao', name: '石桥镇' };
const villageRefs = [
  // Both on the North China plain: winter wheat, summer maize (the solar-term notices' region).
  { id: 'v-xinghua', name: '杏花村', agroRegion: 'north_china_plain' as const },
  { id: 'v-liuxi', name: '柳溪村', agroRegion: 'north_china_plain' as const },
];

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const givenNames = [
  '秀兰',
  '建国',
  '桂芳',
  '志强',
  '玉梅',
  '德明',
  '春花',
  '永福',
  '淑珍',
  '国庆',
  '凤英',
  '长顺',
  '翠萍',
  '海生',
  '金凤',
  '宝山',
  '丽娟',
  '振华',
  '素芬',
  '文斌',
  '美华',
  '保国',
  '彩霞',
  '立新',
  '月娥',
  '天佑',
  '巧云',
  '广才',
  '兰英',
  '家旺',
];
const spouseNames = ['翠兰', '荣华', '秀珍', '福生', '桂英', '明亮', '玉兰', '铁柱'];

/** Per village: 7 脱贫户, 5 监测户, 8 一般农户, in this order of house numbers. */
const categoryPlan: HouseholdCategory[] = [
  ...Array<HouseholdCategory>(7).fill('lifted'),
  ...Array<HouseholdCategory>(5).fill('monitored'),
  ...Array<HouseholdCategory>(8).fill('ordinary'),
];
/** House numbers whose families live away (不在村): visited by phone. */
const awayIndexes = new Set([4, 10, 17]);
export const HOUSEHOLDS_PER_VILLAGE = categoryPlan.length;

const groupNames = ['一', '二', '三', '四'];
const phone = (n: number) => `100-0000-${String(n).padStart(4, '0')}`;

type RosterHousehold = RosterInput['townships'][number]['villages'][number]['households'][number];
type RosterStaffInput = RosterInput['staff'][number];

function villageHouseholds(villageId: string, vi: number): RosterHousehold[] {
  return categoryPlan.map((category, i) => {
    const n = vi * 100 + i + 1;
    const id = `h-${villageId.slice(2)}-${String(i + 1).padStart(2, '0')}`;
    const headName = surnames[(i + vi * 7) % surnames.length] + givenNames[(i + vi * 11) % givenNames.length];
    const size = 1 + ((i * 3 + vi) % 5);
    const members = [{ id: `m-${id.slice(2)}-1`, name: headName, phone: phone(n + 5000) }];
    if (size > 1 && i % 2 === 0)
      members.push({ id: `m-${id.slice(2)}-2`, name: headName[0] + spouseNames[i % spouseNames.length], phone: phone(n + 5000) });
    return {
      id,
      address: `${groupNames[i % groupNames.length]}组 ${i + 1} 号`,
      headName,
      category,
      livesAway: awayIndexes.has(i),
      size,
      phone: phone(n),
      members,
    };
  });
}

const staff = (
  id: string,
  role: 'cadre' | 'helper' | 'office',
  name: string,
  place: { villageId?: string; townshipId?: string },
  unit: string,
  title: string,
  pairedHouseholdIds: string[] = [],
): RosterStaffInput => ({ id, role, name, phone: phone(9000 + Number(id.replace(/\D/g, ''))), unit, title, pairedHouseholdIds, ...place });

const helperUnits = ['县卫健局', '县教育局', '县农业农村局', '县人社局', '县医保局', '县供销社', '县水利局', '县林业局'];
const helperNames = ['陈静', '林海燕', '郭志远', '何晓东', '罗佳琪', '胡建军', '朱晓梅', '高鹏'];

/** The demo county as a roster: the same format `npm run provision` loads into a real environment. */
export function demoRoster(): Roster {
  const villages = villageRefs.map((v, vi) => ({ ...v, households: villageHouseholds(v.id, vi) }));
  // 帮扶责任人 pair with 脱贫户 and 监测户, at most five households each (003 第五条).
  const helpers = villages.flatMap((v, vi) => {
    const needHelp = v.households.filter((h) => h.category !== 'ordinary');
    return [0, 1, 2, 3].map((k) => {
      const idx = vi * 4 + k;
      const paired = needHelp.filter((_, j) => j % 4 === k).map((h) => h.id);
      return staff(`m-helper-${idx + 1}`, 'helper', helperNames[idx], { villageId: v.id }, helperUnits[idx], '帮扶责任人', paired);
    });
  });
  return rosterSchema.parse({
    county: countyRef,
    townships: [{ ...townshipRef, villages }],
    staff: [
      ...helpers,
      staff('m-cadre-1', 'cadre', '赵明远', { villageId: 'v-xinghua' }, '县农业农村局', '第一书记'),
      staff('m-cadre-2', 'cadre', '孙立军', { villageId: 'v-xinghua' }, '县交通运输局', '驻村工作队队员'),
      staff('m-cadre-3', 'cadre', '钱文静', { villageId: 'v-liuxi' }, '县财政局', '第一书记'),
      staff('m-office-1', 'office', '周海涛', { townshipId: townshipRef.id }, '石桥镇驻村办', '驻村办主任'),
      // A county office: what only a county may do (the visit rules, the legal-aid card, a warning
      // to every village) can be tried on the demo too.
      staff('m-office-2', 'office', '孙国栋', {}, '青禾县驻村办', '县驻村办主任'),
    ],
  });
}

export interface SeedData {
  households: HouseholdRecord[];
  members: MemberRecord[];
  /** openid → member id of every demo user bound in advance. */
  bindings: Record<string, string>;
}

/** Demo users bound in advance: the first three villagers and two helpers of each village, every cadre, the office. */
function demoBindings(members: MemberRecord[]): Record<string, string> {
  const bindings: Record<string, string> = {};
  villageRefs.forEach((v, vi) => {
    const here = members.filter((m) => m.villageId === v.id);
    here
      .filter((m) => m.role === 'villager')
      .slice(0, 3)
      .forEach((m, i) => (bindings[`demo-villager-${vi * 3 + i + 1}`] = m._id));
    here
      .filter((m) => m.role === 'helper')
      .slice(0, 2)
      .forEach((m, k) => (bindings[`demo-helper-${vi * 2 + k + 1}`] = m._id));
  });
  members.filter((m) => m.role === 'cadre').forEach((m, i) => (bindings[`demo-cadre-${i + 1}`] = m._id));
  members.filter((m) => m.role === 'office').forEach((m, i) => (bindings[`demo-office-${i + 1}`] = m._id));
  return bindings;
}

export function demoSeed(): SeedData & ReturnType<typeof rosterRecords> {
  const records = rosterRecords(demoRoster());
  const bindings = demoBindings(records.members);
  const openidOf = new Map(Object.entries(bindings).map(([openid, id]) => [id, openid]));
  for (const m of records.members) m.openid = openidOf.get(m._id) ?? null;
  return { ...records, bindings };
}

/** Wishes collected on visits from villagers without WeChat, so a cadre's list is not empty on day one. */
/** The demo's wishes: three waiting for review, and some on the wish wall (one widened to the township). */
export const demoWishes: {
  householdIndex: number;
  village: string;
  category: WishCategory;
  text: string;
  daysAgo: number;
  value?: number;
  /** Published by the village's first cadre this many days ago, with this public summary. */
  published?: { daysAgo: number; summary: string; scope?: 'township' };
}[] = [
  { householdIndex: 5, village: 'v-xinghua', category: 'daily', text: '家里的电饭锅坏了，想要一个新的电饭锅。', daysAgo: 2 },
  { householdIndex: 8, village: 'v-xinghua', category: 'study', text: '孙女上初二，想要一盏护眼台灯写作业。', daysAgo: 1 },
  { householdIndex: 6, village: 'v-liuxi', category: 'health', text: '老伴腿脚不便，想要一副拐杖。', daysAgo: 3 },
  {
    householdIndex: 9,
    village: 'v-xinghua',
    category: 'clothing',
    text: '冬天快到了，家里老人想要一床厚棉被。',
    daysAgo: 9,
    value: 150,
    published: { daysAgo: 8, summary: '老人过冬需要一床厚棉被' },
  },
  {
    householdIndex: 11,
    village: 'v-xinghua',
    category: 'study',
    text: '孩子上小学三年级，书包破了，想要一个新书包。',
    daysAgo: 5,
    value: 80,
    published: { daysAgo: 4, summary: '小学生需要一个新书包' },
  },
  {
    householdIndex: 10,
    village: 'v-liuxi',
    category: 'farming',
    text: '开春要种玉米，想要两袋复合肥。',
    daysAgo: 20,
    value: 300,
    published: { daysAgo: 18, summary: '春耕需要两袋复合肥', scope: 'township' },
  },
];
