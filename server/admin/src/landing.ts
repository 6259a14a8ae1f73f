import type { StaffMe } from '@minqing/shared';
import { prefetch, queuePaths } from './api';
import { type MenuEntry, menuFor } from './menu';
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
 * then takes them from `prefetch`) instead of the lists waiting until it has rendered.
 */
export function prefetchLanding(staff: StaffMe, location: Location): void {
  if (staff.mustChangePassword || landingScreen(staff, location.page)?.key !== 'queue') return;
  const filters = filtersFromQuery(location.query, tabsFor(staff)[0].key);
  prefetch(queuePaths.page(queueQueryString(filters)));
  prefetch(queuePaths.counts(countsQueryString(filters)));
  for (const path of [queuePaths.departments, queuePaths.categories, queuePaths.regions]) prefetch(path);
}
