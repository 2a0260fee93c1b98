import keywords from '../../../config/content-keywords.json';
import type { ContentCheck } from '../ports/files';

export interface KeywordLists {
  risky: readonly string[];
  review: readonly string[];
}

/** Spaces, punctuation and symbols go, so "赌 博" or "赌-博" is still 赌博. */
const normalise = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');

/**
 * The stand-in's content check: plainly unacceptable words are refused, doubtful ones held for
 * a person, as msgSecCheck's `suggest` would. No network: the stand-in runs without WeChat.
 */
export function keywordContentCheck(lists: KeywordLists = keywords): ContentCheck {
  const risky = lists.risky.map(normalise).filter(Boolean);
  const review = lists.review.map(normalise).filter(Boolean);
  return {
    async check(text) {
      const t = normalise(text);
      if (risky.some((w) => t.includes(w))) return 'risky';
      if (review.some((w) => t.includes(w))) return 'review';
      return 'pass';
    },
  };
}
