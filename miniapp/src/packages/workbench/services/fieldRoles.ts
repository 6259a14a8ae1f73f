import type { StaffRole } from '@minqing/shared';

/** Roles that look after households and file 代报 (the server's VISITOR_ROLES and ON_BEHALF_ROLES). */
export const FIELD_ROLES: readonly StaffRole[] = ['grid_worker', 'cadre', 'liaison'];

/** 三线 members look after households, not reports: the server's report routes answer them 403 (REPORT_WORKER_ROLES). */
export const hasReportQueue = (role: StaffRole): boolean => role !== 'liaison';
