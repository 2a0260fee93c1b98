/** China has one time zone and no daylight saving: local time is UTC+8 all year. */
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date in China at instant `at`, as YYYY-MM-DD. */
export const chinaDate = (at: Date): string => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

export const addDays = (at: Date, days: number): Date => new Date(at.getTime() + days * 24 * 60 * 60 * 1000);
