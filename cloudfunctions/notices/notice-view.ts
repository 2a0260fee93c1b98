import type { Notice } from '../../types';
import { isActiveWarning } from '../core/domain/warnings';
import type { NoticeRecord } from '../core/records';

/** A stored notice as the contract shows it to a reader. */
export function toNotice(n: NoticeRecord, read: boolean, now: Date): Notice {
  return {
    id: n._id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    ...(n.level ? { level: n.level } : {}),
    ...(n.warningType ? { warningType: n.warningType } : {}),
    ...(n.start ? { start: n.start } : {}),
    ...(n.end ? { end: n.end } : {}),
    active: isActiveWarning(n, now),
    cancelled: n.cancelledAt !== null,
    publisher: n.publisher,
    read,
    publishedAt: n.publishedAt,
  };
}
