import type { StaffRole } from '@minqing/shared';

/**
 * 合作方 keys file reports anywhere in the county: only the county centre and the sysadmin issue
 * and revoke them (the admin panel shows 合作方 to these roles only).
 */
export const PARTNER_MANAGERS = ['county', 'sysadmin'] as const satisfies readonly StaffRole[];
