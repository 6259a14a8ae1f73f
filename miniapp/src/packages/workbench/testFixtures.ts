/** What the 工作台's page tests share: a signed-in grid worker and a report of their grid. */
import type { Household, StaffReport } from '@minqing/shared';
import { saveStaffSession } from '../../services/staffSession';

export function signInGridWorker(): void {
  saveStaffSession({
    token: 'staff-token',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    staff: {
      id: '01J000000000000000000000G1',
      username: 'wangge',
      name: '周明',
      role: 'grid_worker',
      regionCode: '610921100201001',
      abilities: ['queue', 'points', 'households', 'file_on_behalf', 'visit'],
    },
  });
}

export const CADRE_ID = '01J000000000000000000000C1';

export function signInCadre(): void {
  saveStaffSession({
    token: 'staff-token',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    staff: {
      id: CADRE_ID,
      username: 'cadre',
      name: '王村长',
      role: 'cadre',
      regionCode: '610921100201',
      abilities: ['queue', 'notices', 'points', 'households', 'file_on_behalf', 'visit', 'supervise'],
    },
  });
}

export const REPORT_ID = '01M81KNHEEZY3C4PCQ1HHZPW27';

export const gridReport = (overrides: Partial<StaffReport> = {}): StaffReport =>
  ({
    id: REPORT_ID,
    serialNo: 'HY20261122-0001',
    status: 'submitted',
    statusName: '待受理',
    serviceCode: 'direct',
    villageCode: '610921100201',
    villageName: '五一村',
    excerpt: '村口垃圾堆了三天没人清',
    category: null,
    department: null,
    tier: 'general',
    submittedAt: '2026-11-22T04:28:33.102Z',
    responseDueAt: null,
    resolveDueAt: null,
    rating: null,
    text: '村口垃圾堆了三天没人清',
    transcript: '村口垃圾没人清',
    voice: null,
    photos: [],
    location: { lat: 32.89, lng: 108.5, address: '五一村村口' },
    anonymous: false,
    ratingComment: null,
    deputy: null,
    timeline: [
      {
        id: 'E1',
        type: 'submitted',
        at: '2026-11-22T04:28:33.102Z',
        status: 'submitted',
        note: null,
        department: null,
        actor: '李大爷',
        attachments: [],
        public: true,
      },
    ],
    allowedActions: ['resolve_on_spot', 'reject'],
    overdue: false,
    escalated: false,
    extensionPending: false,
    mergedIntoId: null,
    gridName: '第一网格',
    reporter: { nickname: '李大爷', phone: '138****5678' },
    prediction: null,
    suggestions: [],
    duplicateOf: null,
    ...overrides,
  }) as StaffReport;

export const HOUSEHOLD_ID = '01M81KNHEEZY3C4PCQ1HHZPW40';

export const household = (overrides: Partial<Household> = {}): Household => ({
  id: HOUSEHOLD_ID,
  gridCode: '610921100201001',
  gridName: '第一网格',
  villageName: '五一村',
  headName: '李大爷',
  address: '五一村一组 12 号',
  phone: '138****5678',
  memberCount: 1,
  tags: ['elderly_alone', 'low_income'],
  liaison: { id: '01J000000000000000000000L1', name: '陈三线' },
  lastVisitedAt: '2026-11-20T02:00:00.000Z',
  createdAt: '2026-11-01T02:00:00.000Z',
  ...overrides,
});

export function signInLiaison(): void {
  saveStaffSession({
    token: 'staff-token',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    staff: {
      id: '01J000000000000000000000L1',
      username: 'sanxian',
      name: '陈三线',
      role: 'liaison',
      regionCode: '610921100201001',
      abilities: ['households', 'file_on_behalf', 'visit'],
    },
  });
}
