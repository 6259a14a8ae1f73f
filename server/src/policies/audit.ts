/** The audit log: the system administrator's. */
export const AUDIT_READERS = ['sysadmin'] as const;
