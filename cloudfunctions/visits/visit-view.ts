import type { Visit } from '../../types';
import type { Deps } from '../core/handler/deps';
import { getMany } from '../core/ports/store';
import type { VisitRecord } from '../core/records';
import { personLabel } from '../tasks/task-view';

/**
 * Visits as the household page shows them to its staff: who came (role and full name: public servants),
 * what the four questions found, who follows each problem up, and short-lived links to the photos,
 * asked for in one call for the whole page.
 */
export async function toVisitViews(deps: Deps, visits: readonly VisitRecord[]): Promise<Visit[]> {
  if (visits.length === 0) return [];
  const photos = visits.flatMap((v) => v.photos);
  const [people, urls] = await Promise.all([
    getMany(
      deps.store.collection('members'),
      visits.flatMap((v) => [v.visitorId, ...v.problems.map((p) => p.ownerId)]),
    ),
    photos.length ? deps.files.temporaryUrls(photos) : Promise.resolve([]),
  ]);
  let at = 0;
  return visits.map((v) => ({
    id: v._id,
    visitedOn: v.visitedOn,
    mode: v.mode,
    visitor: personLabel(people.get(v.visitorId)),
    answers: v.answers,
    problems: v.problems.map((p) => ({
      text: p.text,
      owner: personLabel(people.get(p.ownerId)),
      dueDate: p.dueDate,
      followUpId: p.followUpId,
    })),
    // A photo the store no longer has comes back as ''; the page leaves it out.
    photoUrls: urls.slice(at, (at += v.photos.length)).filter((u) => u !== ''),
    createdAt: v.createdAt,
  }));
}
