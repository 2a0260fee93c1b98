import type { EventRecord, MemberRecord, TaskRecord, VisitRecord } from '../records';
import type { Gen, HelperFacts, HouseholdFacts } from './tasks';

export const aMember = (m: Partial<MemberRecord> & Pick<MemberRecord, 'role'>): MemberRecord => ({
  _id: `m-${m.role}`,
  name: '测试',
  phone: '100-0000-0000',
  scopeLevel: 'village',
  scopeId: 'v1',
  villageId: 'v1',
  townshipId: 't1',
  countyId: 'c1',
  householdId: m.role === 'villager' ? 'h1' : null,
  unit: null,
  title: null,
  pairedHouseholdIds: [],
  openid: null,
  ...m,
});

/** A readable stand-in for hashId: tests see exactly which key an id was made from. */
export const keyHash = (key: string): string => `#${key}`;

/** What the timer passes on a China morning (07:30 on `today`, i.e. 23:30 UTC the day before). */
export const aGen = (today: string, hash: (key: string) => string = keyHash): Gen => ({
  today,
  now: new Date(Date.parse(`${today}T07:30:00+08:00`)).toISOString(),
  hash,
});

export const aHousehold = (h: Partial<HouseholdFacts> = {}): HouseholdFacts => ({
  id: 'h1',
  villageId: 'v1',
  townshipId: 't1',
  countyId: 'c1',
  category: 'lifted',
  livesAway: false,
  ...h,
});

export const aHelper = (h: Partial<HelperFacts> = {}): HelperFacts => ({
  id: 'm-helper',
  villageId: 'v1',
  townshipId: 't1',
  countyId: 'c1',
  pairedHouseholdIds: ['h1'],
  pairedByOffice: false,
  ...h,
});

export const aTask = (t: Partial<TaskRecord> = {}): TaskRecord => ({
  _id: 'task-1',
  kind: 'routine',
  assignee: 'village:v1',
  villageId: 'v1',
  townshipId: 't1',
  countyId: 'c1',
  householdId: 'h1',
  subjectMemberId: null,
  windowStart: '2026-03-01',
  dueDate: '2026-03-31',
  status: 'open',
  urgent: false,
  title: '例行走访（2026年3月）',
  note: null,
  sourceId: null,
  policyId: 'hebei-2018',
  visitId: null,
  escalatedAt: null,
  history: [{ at: '2026-02-28T23:30:00.000Z', by: 'system', action: 'create', note: null }],
  createdAt: '2026-02-28T23:30:00.000Z',
  updatedAt: '2026-02-28T23:30:00.000Z',
  ...t,
});

export const anEvent = (e: Partial<EventRecord> = {}): EventRecord => ({
  _id: 'ev-1',
  kind: 'household',
  event: 'serious_illness',
  householdId: 'h1',
  memberId: null,
  villageId: 'v1',
  townshipId: 't1',
  countyId: 'c1',
  note: '住院了',
  reportedBy: 'm-villager',
  createdAt: '2026-03-10T02:00:00.000Z',
  ...e,
});

export const aVisit = (v: Partial<VisitRecord> = {}): VisitRecord => ({
  _id: 'visit-1',
  householdId: 'h1',
  villageId: 'v1',
  townshipId: 't1',
  countyId: 'c1',
  visitorId: 'm-cadre',
  visitorRole: 'cadre',
  mode: 'in_person',
  answers: { family: '五口人', hardship: '看病贵', needs: '买化肥', intention: '养牛' },
  problems: [],
  visitedOn: '2026-03-10',
  photos: [],
  location: null,
  resolvedTaskIds: [],
  createdAt: '2026-03-10T02:00:00.000Z',
  ...v,
});
