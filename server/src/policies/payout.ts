/** Rewards and subsidies in cash: proposed and approved by two different people among these. */
export const CASH_STAFF = ['dispatcher', 'county'] as const;
