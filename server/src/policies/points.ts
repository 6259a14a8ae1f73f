/** The village shop's keepers: items, stock and redemptions of their region. */
export const SHOP_KEEPERS = ['cadre', 'grid_worker', 'dispatcher', 'county'] as const;
/** How many points each good deed earns: set for the county. */
export const POINT_RULE_EDITORS = ['county', 'sysadmin'] as const;
