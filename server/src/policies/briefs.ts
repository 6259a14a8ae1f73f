/**
 * 研判简报 are for those who watch a region: the county centre (the county's and every
 * township's) and dispatchers (their township's). Handlers, cadres, grid workers and sysadmins
 * are not: a brief names departments and villages to act on, which is supervision's work.
 */
export const BRIEF_ROLES = ['dispatcher', 'county'] as const;
