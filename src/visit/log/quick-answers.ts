import type { VisitQuestion } from '../../../types';

/**
 * The answers most visits give to each of the four questions (四必问), one tap each: most months
 * nothing has changed, and typing that forty times a month on a phone is what makes a log sloppy.
 */
export const quickAnswers: Record<VisitQuestion, readonly string[]> = {
  family: ['无变化', '人口有变化', '有人外出务工', '有人生病'],
  hardship: ['正常，无困难', '看病有困难', '住房有困难', '缺少劳动力'],
  needs: ['暂无新需求', '想找工作', '想发展产业', '需要医疗帮助'],
  intention: ['积极向上', '收入稳定', '需要鼓励引导', '有返贫风险'],
};

/**
 * The answer once a quick phrase is tapped: the phrase itself over a blank answer or another phrase,
 * else added after what was written, so a tap never wipes out typed words.
 */
export function withQuick(answer: string, phrase: string, phrases: readonly string[]): string {
  const now = answer.trim();
  if (now === '' || phrases.includes(now)) return phrase;
  return `${now}，${phrase}`;
}
