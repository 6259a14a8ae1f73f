/** Hash navigation: `#/<page>?<query>`, so a reload or a shared link opens the same screen and filters. */
export interface Location {
  page: string;
  query: URLSearchParams;
}

export function parseHash(hash: string): Location {
  const [page = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  return { page, query: new URLSearchParams(search) };
}

/** A screen with unsaved work returns the warning to show before leaving it, else null. */
type LeaveGuard = () => string | null;
let leaveGuard: LeaveGuard | null = null;

/** Registers the guard of the screen on show; the returned function removes it. */
export function setLeaveGuard(guard: LeaveGuard): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = null;
  };
}

/** Opens a screen, optionally with its filters (a dashboard figure drills down to the queue this way). */
export function navigate(page: string, query: Record<string, string | undefined> = {}): void {
  const warning = leaveGuard?.();
  if (warning && !window.confirm(warning)) return;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  window.location.hash = `/${page}${search ? `?${search}` : ''}`;
}
