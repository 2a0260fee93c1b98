/** Notices as the function answers them, for the notice pages' component tests. */
import type { Notice, Readers } from '../../types/notices';

export const notice = (over: Partial<Notice> = {}): Notice => ({
  id: 'n1',
  kind: 'announcement',
  title: '关于冬季防火的通知',
  body: '冬季天干物燥，请大家不要在田间地头焚烧秸秆。',
  active: false,
  cancelled: false,
  publisher: '驻村干部 赵明远',
  read: true,
  publishedAt: '2026-11-20T01:00:00.000Z',
  ...over,
});

export const warning = (over: Partial<Notice> = {}): Notice =>
  notice({
    id: 'w1',
    kind: 'warning',
    title: '暴雨红色预警',
    body: '预计未来 3 小时杏花村将出现 100 毫米以上降水，请转移低洼处群众，停止田间作业。',
    level: 'red',
    warningType: '暴雨',
    start: '2026-11-27T06:00:00.000Z',
    end: '2026-11-28T06:00:00.000Z',
    active: true,
    publisher: '石桥镇驻村办',
    read: false,
    publishedAt: '2026-11-27T06:00:00.000Z',
    ...over,
  });

export const readers = (over: Partial<Readers> = {}): Readers => ({
  read: 12,
  total: 15,
  unread: [
    { memberId: 'm1', name: '李桂芝', villageName: '杏花村', label: '一组 3 号', phone: '13800000001', bound: true },
    { memberId: 'm2', name: '刘志强', villageName: '杏花村', label: '二组 7 号', phone: null, bound: false },
  ],
  ...over,
});

export const profileOf = (role: 'cadre' | 'helper' | 'office' | 'villager') => ({
  memberId: `m-${role}`,
  role,
  name: role === 'office' ? '周海涛' : '赵明远',
  scope: {
    level: role === 'office' ? ('township' as const) : ('village' as const),
    id: role === 'office' ? 't1' : 'v1',
    name: role === 'office' ? '石桥镇' : '杏花村',
  },
  villageId: role === 'office' ? null : 'v1',
  villageName: role === 'office' ? null : '杏花村',
  householdId: role === 'villager' ? 'h1' : null,
});
