import type { StaffMe } from '@minqing/shared';
import { prefetch, queuePaths } from './api';
import { type MenuEntry, menuFor } from './menu';
import { currentToken } from './session';
import type { FrameLanding, SentAhead } from './signInFrame';
import type { Location } from './nav';
import { countsQueryString, filtersFromQuery, queueQueryString, tabsFor } from './queue/queueQuery';

/** The screen a signed-in staff member sees: the one the address names if the menu has it, else the menu's first. */
export function landingScreen(staff: StaffMe, page: string): MenuEntry | undefined {
  const entries = menuFor(staff);
  return entries.find((entry) => entry.key === page) ?? entries[0];
}

/**
 * Asks for the work queue's first page, tab counts and its filters' lists the moment the staff
 * member is known, all at once, so they travel while the queue's code loads and renders (the queue
 * then takes them from `prefetch`) instead of the lists waiting until it has rendered. Signed in
 * through index.html's frame, what the frame already asked (`landing`) is taken instead of asked again.
 */
export function prefetchLanding(staff: StaffMe, location: Location, landing: FrameLanding = null): void {
  if (staff.mustChangePassword || landingScreen(staff, location.page)?.key !== 'queue') return;
  const filters = filtersFromQuery(location.query, tabsFor(staff)[0].key);
  const paths = [
    queuePaths.page(queueQueryString(filters)),
    queuePaths.counts(countsQueryString(filters)),
    queuePaths.departments,
    queuePaths.categories,
    queuePaths.regions,
  ];
  for (const path of paths) prefetch(path, landing ? sentAheadFor(landing, path) : undefined);
}

/**
 * The request the sign-in frame sent for `path`, when it sent exactly that path with the token now
 * signed in; otherwise undefined, and the app asks itself.
 */
function sentAheadFor(landing: Promise<SentAhead | null>, path: string): Promise<Response | undefined> {
  return landing.then(
    (ahead) =>
      ahead && ahead.token === currentToken() && Object.hasOwn(ahead.sent, path) ? ahead.sent[path] : undefined,
    () => undefined,
  );
}
