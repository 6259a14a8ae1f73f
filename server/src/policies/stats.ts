/** Statistics, rankings and their exports: those who supervise or answer for the figures. */
export const STATS_ROLES = ['dispatcher', 'handler', 'county', 'sysadmin'] as const;
