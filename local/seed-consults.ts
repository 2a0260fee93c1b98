import { consultsHandler } from '../cloudfunctions/consults/handler';
import type { Store } from '../cloudfunctions/core/ports/store';
import type { LegalAidCard } from '../types';
import { movableClock } from './clock';
import { localDeps } from './deps';

/**
 * 青禾县's 法律援助便民服务卡 as the demo shows it. Invented, like every name and number of the demo:
 * only 12348 (the national public legal service hotline) is real.
 */
export const demoLegalCard: LegalAidCard = {
  hotline: '12348',
  centre: { name: '青禾县法律援助中心', phone: '0000-6012348', address: '青禾县人民路 18 号县司法局一楼（示例地址）' },
  judicialOffices: [
    { name: '石桥镇司法所', phone: '0000-6023456', address: '石桥镇政府院内（示例地址）' },
    { name: '河湾镇司法所', phone: '0000-6034567', address: null },
  ],
};

/**
 * A few requests of 杏花村 as the demo opens them, made by the consults function itself on a clock set
 * back: a 代填表格 in progress with a short thread, and a 证照办理 done and confirmed. (No 就医协助
 * waiting: the browser test asks for its own.) And the county's legal-aid card.
 */
export async function seedConsults(store: Store, now: Date, openidOf: (memberId: string) => string, villagerId: string): Promise<void> {
  const clock = movableClock();
  const deps = { ...localDeps(store, clock), log: { error: console.error, warn: () => undefined, info: () => undefined } };
  const hoursAgo = (h: number) => clock.set(new Date(now.getTime() - h * 3_600_000));
  const call = async (memberId: string, action: string, input: unknown) => {
    const res = await consultsHandler.invoke({ action, input }, { openid: openidOf(memberId), source: 'client' }, deps);
    if (!res.ok) throw new Error(`demo consults.${action} by ${memberId}: ${res.error.code}`);
    return res.data as { id: string };
  };
  const cadre = 'm-cadre-1';

  hoursAgo(24 * 12);
  const licence = await call(villagerId, 'submit', {
    type: 'licences',
    text: '家里老人的身份证过期了，腿脚不便去不了县里，想请干部帮忙问问怎么换。',
    consent: true,
  });
  hoursAgo(24 * 12 - 2);
  await call(cadre, 'accept', { id: licence.id });
  await call(cadre, 'reply', { id: licence.id, text: '县公安局可以上门办理，我帮您约好时间，到时候提前告诉您。' });
  hoursAgo(24 * 6);
  await call(cadre, 'resolve', { id: licence.id, note: '民警已上门采集照片，新身份证寄到了村委会，已送到家里。' });
  hoursAgo(24 * 5);
  await call(villagerId, 'confirm', { id: licence.id, solved: true });

  hoursAgo(30);
  const forms = await call(villagerId, 'submit', {
    type: 'forms',
    text: '孩子要申请助学金，表格看不太懂，想请干部帮忙一起填。',
    consent: true,
  });
  hoursAgo(28);
  await call(cadre, 'accept', { id: forms.id });
  await call(cadre, 'reply', { id: forms.id, text: '好的，请把孩子的学生证和户口本准备好，明天下午我到您家里一起填。' });
  hoursAgo(26);
  await call(villagerId, 'reply', { id: forms.id, text: '都准备好了，明天下午我在家等您。' });

  await store.collection('legalCards').add({ _id: 'c-qinghe', card: demoLegalCard, updatedBy: 'seed', updatedAt: now.toISOString() });
}
