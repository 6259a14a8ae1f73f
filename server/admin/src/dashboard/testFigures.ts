import type { StatFigures } from '@minqing/shared';

/** One unit's figures for the dashboard's tests: 7 received, 3 resolved (2 on time), 4 overdue. */
export const FIGURES: StatFigures = {
  received: 7,
  responded: 3,
  responseRate: 3 / 7,
  resolved: 3,
  resolvedOnTime: 2,
  onTimeRate: 2 / 3,
  resolvedRate: 3 / 7,
  rated: 3,
  satisfied: 2,
  satisfactionRate: 2 / 3,
  visitRated: 0,
  visitSatisfied: 0,
  visitSatisfactionRate: null,
  meanHoursToResolve: 104,
  overdue: 4,
  returns: 1,
  repeatComplaints: 2,
};
