/** Requests as the consults function answers them, for the request pages' component tests. */
import type { ConsultDetail, ConsultSummary, LegalAidCard } from '../../types/consults';

const hour = 60 * 60 * 1000;
/** An instant `hours` from now (negative: in the past). */
export const inHours = (hours: number): string => new Date(Date.now() + hours * hour).toISOString();

export const summary = (over: Partial<ConsultSummary> = {}): ConsultSummary => ({
  id: 'c1',
  type: 'medical',
  status: 'submitted',
  excerpt: '老伴下周要去县医院看病，想请干部帮忙挂号',
  householdLabel: '王秀兰 · 一组 1 号',
  villageName: '杏花村',
  assignee: '本村驻村干部',
  submittedAt: inHours(-1),
  dueAt: inHours(3),
  overdue: false,
  escalated: false,
  updatedAt: inHours(-1),
  ...over,
});

export const noActions = { accept: false, assign: false, reply: false, resolve: false, confirm: false };

export const detail = (over: Partial<ConsultDetail> = {}): ConsultDetail => ({
  ...summary(),
  text: '老伴下周要去县医院看病，想请干部帮忙挂号',
  photoUrls: [],
  enteredBy: null,
  thread: [],
  history: [{ at: inHours(-1), by: '村民 王秀兰', action: 'submit', note: null }],
  legalAid: null,
  can: noActions,
  resolution: null,
  ...over,
});

export const legalCard: LegalAidCard = {
  hotline: '12348',
  centre: { name: '青禾县法律援助中心', phone: '03511234567', address: '县政务服务中心二楼' },
  judicialOffices: [{ name: '石桥镇司法所', phone: '03517654321', address: null }],
};
