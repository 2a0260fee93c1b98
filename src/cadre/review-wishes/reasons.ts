/** The reasons cadres give most often, offered as one tap each; 其他 opens a text box. */
export const commonReasons = ['不属于微心愿范围', '价值超出微心愿', '信息不全请补充', '其他'] as const;
export type ReasonChoice = (typeof commonReasons)[number];
export const OTHER: ReasonChoice = '其他';

export const reasonOptions = commonReasons.map((r) => ({ value: r, label: r }));

/** The reason to send: the chosen one, or the cadre's own words for 其他. */
export const reasonText = (choice: ReasonChoice | null, own: string): string => (choice === OTHER ? own.trim() : (choice ?? ''));
