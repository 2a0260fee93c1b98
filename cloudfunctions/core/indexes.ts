import type { CollectionName, Order, RecordOf } from './ports/store';

export interface IndexSpec<T> {
  /** Stable: CloudBase and SQLite both know an index by its name. */
  name: string;
  keys: Order<T>[];
}

const asc = <T>(field: Order<T>['field']): Order<T> => ({ field, direction: 'asc' });
const desc = <T>(field: Order<T>['field']): Order<T> => ({ field, direction: 'desc' });

/**
 * The indexes every query needs, per collection, next to the query they serve.
 * Provisioning creates them on CloudBase and the embedded store creates the same
 * ones; in tests the embedded store refuses a filtered query that no index serves.
 * Every index ends in `_id` implicitly, which keyset paging uses to break ties.
 */
export const indexes: { [N in CollectionName]: readonly IndexSpec<RecordOf<N>>[] } = {
  counties: [],
  townships: [],
  villages: [
    // The daily task timer: the villages of a county.
    { name: 'county', keys: [asc('countyId')] },
  ],
  households: [
    // The daily task timer and visits.households of a cadre: the households of a village.
    { name: 'village', keys: [asc('villageId')] },
  ],
  members: [
    // users.roster of a cadre (village), a township office and a county office, by name; its
    // search by name is a range on the same key (name >= the prefix), so these serve it too.
    { name: 'village_name', keys: [asc('villageId'), asc('name')] },
    { name: 'township_name', keys: [asc('townshipId'), asc('name')] },
    { name: 'county_name', keys: [asc('countyId'), asc('name')] },
    // The review reminder: the cadres of the villages with wishes waiting.
    { name: 'role_village', keys: [asc('role'), asc('villageId')] },
    // Who of a household hears about its wish (claimed, delivered).
    { name: 'household_role', keys: [asc('householdId'), asc('role')] },
    // The daily task timer: a county's cadres and helpers (digests, helper tasks) and offices (escalations).
    { name: 'role_county', keys: [asc('role'), asc('countyId')] },
    // Who hears of an escalated task or a cadre's event: the township's office users.
    { name: 'role_township', keys: [asc('role'), asc('townshipId')] },
    // tasks.careCandidates of a township or county office: its cadres by name.
    { name: 'role_township_name', keys: [asc('role'), asc('townshipId'), asc('name')] },
    { name: 'role_county_name', keys: [asc('role'), asc('countyId'), asc('name')] },
  ],
  users: [],
  invites: [
    // The stand-in's demo invite: an unused code the first cadre issued.
    { name: 'issuer_used', keys: [asc('issuedBy'), asc('usedAt'), asc('expiresAt')] },
  ],
  counters: [],
  requests: [],
  wishes: [
    // Counting a household's open wishes when its counter is first made.
    { name: 'household_status', keys: [asc('householdId'), asc('status')] },
    // wishes.mine: the household's wishes (those a cadre wrote down for it too), newest first.
    { name: 'household_created', keys: [asc('householdId'), desc('createdAt')] },
    // wishes.ledger: the wishes created in a date range, of a cadre's village or an office's area, oldest first.
    { name: 'village_created', keys: [asc('villageId'), asc('createdAt')] },
    { name: 'township_created', keys: [asc('townshipId'), asc('createdAt')] },
    { name: 'county_created', keys: [asc('countyId'), asc('createdAt')] },
    // wishes.pendingReview of a village, newest first.
    { name: 'village_status_created', keys: [asc('villageId'), asc('status'), desc('createdAt')] },
    // The review reminder: every wish waiting for review in the county.
    { name: 'status_created', keys: [asc('status'), desc('createdAt')] },
    // wishes.wall of a helper or cadre: one query per scope a wish can have (no OR across fields
    // on CloudBase), each on its own key, merged by publishedAt (see wishes/wall.ts).
    { name: 'wall_village', keys: [asc('status'), asc('scope'), asc('villageId'), desc('publishedAt')] },
    { name: 'wall_township', keys: [asc('status'), asc('scope'), asc('townshipId'), desc('publishedAt')] },
    { name: 'wall_county', keys: [asc('status'), asc('scope'), asc('countyId'), desc('publishedAt')] },
    // wishes.wall of a township or county office: everything published in its area.
    { name: 'status_township_published', keys: [asc('status'), asc('townshipId'), desc('publishedAt')] },
    { name: 'status_county_published', keys: [asc('status'), asc('countyId'), desc('publishedAt')] },
    // wishes.myClaims, soonest due first, and counting a member's active claims for their counter.
    { name: 'claimer_status_due', keys: [asc('claimerId'), asc('status'), asc('claimDueAt')] },
    // The hourly claim check: claims in order of their due date.
    { name: 'status_due', keys: [asc('status'), asc('claimDueAt')] },
  ],
  inbox: [
    // inbox.list, newest first, and its unread count.
    { name: 'to_created', keys: [asc('to'), desc('createdAt')] },
    { name: 'to_read', keys: [asc('to'), asc('readAt')] },
  ],
  tasks: [
    // tasks.list of a cadre (its village team's and its own), a helper and a township office; visits.households.
    { name: 'assignee_status_due', keys: [asc('assignee'), asc('status'), asc('dueDate')] },
    // A household's open tasks: what a logged visit resolves, and the household page.
    { name: 'household_status_due', keys: [asc('householdId'), asc('status'), asc('dueDate')] },
    // tasks.list of an office: its area's overdue tasks, urgent ones first, then by due date, and their count.
    { name: 'township_status_urgent_due', keys: [asc('townshipId'), asc('status'), asc('urgent'), asc('dueDate')] },
    // The same for a county office, and the daily timer's sweeps of a county (overdue, escalation, digests).
    { name: 'county_status_urgent_due', keys: [asc('countyId'), asc('status'), asc('urgent'), asc('dueDate')] },
  ],
  events: [],
  visits: [
    // The household page's visit history, newest first, and a household's last visit.
    { name: 'household_visited', keys: [asc('householdId'), desc('visitedOn')] },
  ],
  access: [
    // The PIPL audit's question, asked outside the functions (the console, an export): who read this household's page, when.
    { name: 'household_at', keys: [asc('householdId'), desc('at')] },
  ],
  settings: [],
  consults: [
    // consults.mine: the household's requests, not closed first, then newest; counting its not-closed ones for the cap's counter.
    { name: 'household_order', keys: [asc('householdId'), desc('householdOrder')] },
    { name: 'household_status', keys: [asc('householdId'), asc('status')] },
    // consults.assigned of a cadre: the village's open requests by the deadline that applies now (overdue first), and their
    // overdue count; its done ones newest first.
    { name: 'village_open_due', keys: [asc('villageId'), asc('open'), asc('dueAt')] },
    { name: 'village_open_updated', keys: [asc('villageId'), asc('open'), desc('updatedAt')] },
    // consults.assigned of a township or county office: the escalated requests and those handed to an office, the same two ways.
    { name: 'township_raised_open_due', keys: [asc('townshipId'), asc('raised'), asc('open'), asc('dueAt')] },
    { name: 'township_raised_open_updated', keys: [asc('townshipId'), asc('raised'), asc('open'), desc('updatedAt')] },
    { name: 'county_raised_open_due', keys: [asc('countyId'), asc('raised'), asc('open'), asc('dueAt')] },
    { name: 'county_raised_open_updated', keys: [asc('countyId'), asc('raised'), asc('open'), desc('updatedAt')] },
    // The hourly timer: open requests past their deadline, soonest first; resolved ones due to close by themselves.
    { name: 'open_due', keys: [asc('open'), asc('dueAt')] },
    { name: 'status_resolved', keys: [asc('status'), asc('resolvedAt')] },
  ],
  legalCards: [],
  notices: [
    // A provider's update that names no earlier id: the latest warning of the same sender and type still in force.
    { name: 'warning_key_cancelled_published', keys: [asc('warningKey'), asc('cancelledAt'), desc('publishedAt')] },
    // The tick finishing what a publishing call left undelivered, oldest first.
    { name: 'delivered_published', keys: [asc('deliveredAt'), asc('publishedAt')] },
  ],
  noticeRows: [
    // notices.list, newest first, and its unread count over recent notices.
    { name: 'audience_published', keys: [asc('audience'), desc('publishedAt')] },
    // notices.list's first page: the audience's warnings still in force, pinned on top.
    { name: 'audience_pinned_end', keys: [asc('audience'), asc('pinned'), asc('end')] },
  ],
  noticeReads: [
    // notices.list's unread count: what the member read of recent notices.
    { name: 'member_published', keys: [asc('memberId'), asc('publishedAt')] },
    // notices.readers: who of a village read a notice.
    { name: 'notice_village', keys: [asc('noticeId'), asc('villageId')] },
  ],
  warningSources: [],
  termNotes: [],
  boardPosts: [
    // board.list of a villager or helper: the village's visible posts, pinned first, then newest.
    { name: 'village_status_sort', keys: [asc('villageId'), asc('status'), desc('sortKey')] },
    // board.list of a cadre: every post of the village not deleted, the same order.
    { name: 'village_listed_sort', keys: [asc('villageId'), asc('listed'), desc('sortKey')] },
    // board.list: the caller's own held and hidden posts, merged into the page where they fall.
    { name: 'author_status_sort', keys: [asc('authorId'), asc('status'), desc('sortKey')] },
  ],
};
