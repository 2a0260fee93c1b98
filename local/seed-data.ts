import type { HouseholdCategory } from '../types';
import type {
  CountyRecord,
  HouseholdRecord,
  MemberRecord,
  TownshipRecord,
  VillageRecord,
} from '../cloudfunctions/core/records';

/**
 * An invented demo county. Every name and number is made up; phone numbers
 * use the unassigned 100 prefix so that none can reach a real person.
 */
export const county: CountyRecord = { _id: 'c-qinghe', name: '青禾县' };
export const township: TownshipRecord = { _id: 't-shiqiao', name: '石桥镇', countyId: county._id };
export const villages: VillageRecord[] = [
  { _id: 'v-xinghua', name: '杏花村', townshipId: township._id, countyId: county._id },
  { _id: 'v-liuxi', name: '柳溪村', townshipId: township._id, countyId: county._id },
];

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const givenNames = [
  '秀兰', '建国', '桂芳', '志强', '玉梅', '德明', '春花', '永福', '淑珍', '国庆',
  '凤英', '长顺', '翠萍', '海生', '金凤', '宝山', '丽娟', '振华', '素芬', '文斌',
  '美华', '保国', '彩霞', '立新', '月娥', '天佑', '巧云', '广才', '兰英', '家旺',
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

const placed = (villageId: string | null) => ({
  villageId,
  townshipId: township._id,
  countyId: county._id,
  scopeLevel: villageId ? ('village' as const) : ('township' as const),
  scopeId: villageId ?? township._id,
});

export interface SeedData {
  households: HouseholdRecord[];
  members: MemberRecord[];
  /** openid → member id of every demo user bound in advance. */
  bindings: Record<string, string>;
}

function villageHouseholds(v: VillageRecord, vi: number): { households: HouseholdRecord[]; villagers: MemberRecord[] } {
  const households: HouseholdRecord[] = [];
  const villagers: MemberRecord[] = [];
  categoryPlan.forEach((category, i) => {
    const n = vi * 100 + i + 1;
    const headName = surnames[(i + vi * 7) % surnames.length] + givenNames[(i + vi * 11) % givenNames.length];
    const h: HouseholdRecord = {
      _id: `h-${v._id.slice(2)}-${String(i + 1).padStart(2, '0')}`,
      villageId: v._id,
      address: `${groupNames[i % groupNames.length]}组 ${i + 1} 号`,
      headName,
      category,
      livesAway: awayIndexes.has(i),
      size: 1 + ((i * 3 + vi) % 5),
      phone: phone(n),
    };
    households.push(h);
    const base = { phone: phone(n + 5000), householdId: h._id, unit: null, title: null, pairedHouseholdIds: [], openid: null, ...placed(v._id) };
    villagers.push({ ...base, _id: `m-${h._id.slice(2)}-1`, role: 'villager', name: headName });
    if (h.size > 1 && i % 2 === 0) {
      villagers.push({ ...base, _id: `m-${h._id.slice(2)}-2`, role: 'villager', name: headName[0] + spouseNames[i % spouseNames.length] });
    }
  });
  return { households, villagers };
}

const staff = (
  id: string,
  role: 'cadre' | 'helper' | 'office',
  name: string,
  villageId: string | null,
  unit: string,
  title: string,
  pairedHouseholdIds: string[] = [],
): MemberRecord => ({ _id: id, role, name, phone: phone(9000 + Number(id.replace(/\D/g, ''))), householdId: null, unit, title, pairedHouseholdIds, openid: null, ...placed(villageId) });

export function demoSeed(): SeedData {
  const households: HouseholdRecord[] = [];
  const members: MemberRecord[] = [];
  const bindings: Record<string, string> = {};
  const helperUnits = ['县卫健局', '县教育局', '县农业农村局', '县人社局', '县医保局', '县供销社', '县水利局', '县林业局'];
  const helperNames = ['陈静', '林海燕', '郭志远', '何晓东', '罗佳琪', '胡建军', '朱晓梅', '高鹏'];

  villages.forEach((v, vi) => {
    const { households: hs, villagers } = villageHouseholds(v, vi);
    households.push(...hs);
    members.push(...villagers);
    villagers.slice(0, 3).forEach((m, i) => (bindings[`demo-villager-${vi * 3 + i + 1}`] = m._id));

    // 帮扶责任人 pair with 脱贫户 and 监测户, at most five households each (003 第五条).
    const needHelp = hs.filter((h) => h.category !== 'ordinary');
    for (let k = 0; k < 4; k++) {
      const idx = vi * 4 + k;
      const paired = needHelp.filter((_, j) => j % 4 === k).map((h) => h._id);
      const helper = staff(`m-helper-${idx + 1}`, 'helper', helperNames[idx], v._id, helperUnits[idx], '帮扶责任人', paired);
      members.push(helper);
      if (k < 2) bindings[`demo-helper-${vi * 2 + k + 1}`] = helper._id;
    }
  });

  const cadres = [
    staff('m-cadre-1', 'cadre', '赵明远', 'v-xinghua', '县农业农村局', '第一书记'),
    staff('m-cadre-2', 'cadre', '孙立军', 'v-xinghua', '县交通运输局', '驻村工作队队员'),
    staff('m-cadre-3', 'cadre', '钱文静', 'v-liuxi', '县财政局', '第一书记'),
  ];
  cadres.forEach((c, i) => {
    members.push(c);
    bindings[`demo-cadre-${i + 1}`] = c._id;
  });
  const office = staff('m-office-1', 'office', '周海涛', null, '石桥镇驻村办', '驻村办主任');
  members.push(office);
  bindings['demo-office-1'] = office._id;

  for (const m of members) {
    const openid = Object.keys(bindings).find((k) => bindings[k] === m._id);
    if (openid) m.openid = openid;
  }
  return { households, members, bindings };
}

/** Wishes collected on visits from villagers without WeChat, so a cadre's list is not empty on day one. */
export const demoWishes = [
  { householdIndex: 5, village: 'v-xinghua', category: 'daily' as const, text: '家里的电饭锅坏了，想要一个新的电饭锅。', daysAgo: 2 },
  { householdIndex: 8, village: 'v-xinghua', category: 'study' as const, text: '孙女上初二，想要一盏护眼台灯写作业。', daysAgo: 1 },
  { householdIndex: 6, village: 'v-liuxi', category: 'health' as const, text: '老伴腿脚不便，想要一副拐杖。', daysAgo: 3 },
];
