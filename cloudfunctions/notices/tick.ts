import type { TimerImpl } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import type { SourceWarning } from '../core/ports/warnings';
import type { VillageRecord } from '../core/records';
import { finishDeliveries } from './deliver';
import { weatherLocations, type WeatherLocation } from './locations';
import { publishTermNotices, villagesOfCounty } from './terms';
import { applyProviderWarning, type WarningOutcome } from './warning-flow';

/** Locations asked at once: a county's townships answer within the timer's minute. */
const IN_FLIGHT = 4;

async function villagesAt(deps: Deps, l: WeatherLocation, byCounty: Map<string, Promise<VillageRecord[]>>): Promise<VillageRecord[]> {
  const countyId = l.countyId ?? (l.townshipId ? (await deps.store.collection('townships').get(l.townshipId))?.countyId : undefined);
  if (l.villageIds) {
    const found = await Promise.all(l.villageIds.map((id) => deps.store.collection('villages').get(id)));
    return found.filter((v): v is VillageRecord => v !== null);
  }
  if (!countyId) return [];
  if (!byCounty.has(countyId)) byCounty.set(countyId, villagesOfCounty(deps, countyId));
  const all = await byCounty.get(countyId)!;
  return l.townshipId ? all.filter((v) => v.townshipId === l.townshipId) : all;
}

/**
 * Asks the source for every configured location and applies each warning once, to the villages of
 * every location that reported it (a county's warning comes back for each of its townships). A
 * location whose answer fails or is malformed is logged and skipped: nothing of it is published.
 */
export async function pollWarnings(
  deps: Deps,
  now: Date,
  locations: readonly WeatherLocation[] = weatherLocations,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = { locationsFailed: 0 };
  const byCounty = new Map<string, Promise<VillageRecord[]>>();
  const reported = new Map<string, { warning: SourceWarning; villages: Map<string, VillageRecord> }>();
  const queue = [...locations];
  const worker = async () => {
    for (let l = queue.shift(); l; l = queue.shift()) {
      let warnings: SourceWarning[];
      try {
        warnings = await deps.warnings.current(l.code);
      } catch (e) {
        counts.locationsFailed++;
        deps.log.error(
          `[notices.tick] warnings for ${l.name} (${l.code}) not read, nothing published for it`,
          e instanceof Error ? e.message : e,
        );
        continue;
      }
      if (warnings.length === 0) continue;
      const villages = await villagesAt(deps, l, byCounty);
      for (const w of warnings) {
        const entry = reported.get(w.id) ?? { warning: w, villages: new Map<string, VillageRecord>() };
        for (const v of villages) entry.villages.set(v._id, v);
        reported.set(w.id, entry);
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  // Oldest first, so that a new warning is published before the update that replaces it arrives in the same poll.
  const ordered = [...reported.values()].sort((a, b) => a.warning.pubTime.localeCompare(b.warning.pubTime));
  for (const { warning, villages } of ordered) {
    const outcome: WarningOutcome = await applyProviderWarning(deps, now, warning, [...villages.values()]);
    counts[outcome] = (counts[outcome] ?? 0) + 1;
  }
  return counts;
}

/** Every 30 minutes: the warning poll, on a solar term's morning the term's notices, and what a call left undelivered. */
export const tick: TimerImpl = async ({ deps, now }) => {
  const warnings = await pollWarnings(deps, now);
  const termNotices = await publishTermNotices(deps, now);
  const finished = await finishDeliveries(deps, now);
  return { ...warnings, termNotices, finished };
};
