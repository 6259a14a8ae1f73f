import { Alert, Badge, Space, Tabs, message } from 'antd';
import { QUEUE_FIGURE_NAMES } from '@minqing/shared';
import type { Category, Department, QueueCounts, RegionNode } from '@minqing/shared';
import { Suspense, lazy, startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { catalogRoutes } from '@minqing/shared';
import { api, call } from '../api';
import type { PageProps } from '../pages';
import { QueueTable } from './QueueTable';
import { exportPath, queueApi } from './queueApi';
import { countsQueryString, filtersFromQuery, queryFromFilters, queueQueryString, tabsFor } from './queueQuery';
import type { QueueFilters, QueueRow, QueueTab, SearchFilters } from './queueQuery';

// The report drawer's code is fetched when a report is first opened, not with the queue.
const ReportDrawer = lazy(() => import('./ReportDrawer').then((module) => ({ default: module.ReportDrawer })));
// The filter bar (its selects, tree selects and date picker) is fetched once the first page shows:
// the rows do not wait for its code nor for its drawing.
const QueueSearchForm = lazy(() => import('./QueueSearchForm').then((module) => ({ default: module.QueueSearchForm })));
/**
 * Where the filter bar goes while its code is on its way, as tall as the bar on a township office's
 * 1366-pixel screen (three lines), so the rows do not jump when it arrives.
 */
const filterBarPlace = <div style={{ minHeight: 112, marginBottom: 16 }} />;

/** Keeps the filters and the open report in the address (see the contract in queueQuery.ts) without a navigation. */
function writeHash(filters: QueueFilters, openId: string | null): void {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(queryFromFilters(filters))) if (value) params.set(name, value);
  if (openId) params.set('report', openId);
  window.history.replaceState(null, '', `#/queue?${params.toString()}`);
}

/**
 * Sets what the clerk looks at after the rows (the tab counts, the filters' lists) as a transition:
 * arriving with the rows, their renders give way to the rows' instead of drawing first.
 */
const afterRows =
  <T,>(set: (value: T) => void) =>
  (value: T) =>
    startTransition(() => set(value));

/** 工单: the signed-in staff member's reports, filtered, paged and sorted by the server. */
export function WorkQueue({ staff, query }: PageProps) {
  const firstTab = tabsFor(staff)[0].key;
  const [filters, setFilters] = useState<QueueFilters>(() => filtersFromQuery(query, firstTab));
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const [regions, setRegions] = useState<RegionNode[]>([]);
  const [rows, setRows] = useState<QueueRow[]>([]);
  const [total, setTotal] = useState(0);
  // The first page is asked for on mount: the table shows its spinner, not 暂无数据, until it answers.
  const [loading, setLoading] = useState(true);
  const [openId, setOpenId] = useState<string | null>(() => query.get('report'));
  // Once opened, the drawer stays mounted so it can slide shut.
  const drawerWanted = useDrawerOnceOpened(openId);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const filterBarWanted = useOnceTrue(!loading);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const page = await api.queue(queueQueryString(filters));
      setRows(page.items);
      setTotal(page.total);
    } catch (error) {
      message.error(error instanceof Error ? error.message : '加载失败');
    } finally {
      setLoading(false);
    }
  }, [filters]);

  // The tab counts depend on the filters, not on the tab, page or sort.
  const countsQuery = countsQueryString(filters);
  const loadCounts = useCallback(() => {
    queueApi.counts(countsQuery).then(afterRows(setCounts), () => setCounts(null));
  }, [countsQuery]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => writeHash(filters, openId), [filters, openId]);

  useEffect(loadCounts, [loadCounts]);

  // A new hash while the queue is open (a drill-down, the back button) replaces the filters, and
  // the filter bar (keyed by it) opens with them.
  const hashQuery = query.toString();
  const addressed = useMemo(() => filtersFromQuery(new URLSearchParams(hashQuery), firstTab), [hashQuery, firstTab]);
  useEffect(() => {
    const same = (current: QueueFilters) =>
      JSON.stringify(queryFromFilters(current)) === JSON.stringify(queryFromFilters(addressed));
    setFilters((current) => (same(current) ? current : addressed));
    setOpenId(new URLSearchParams(hashQuery).get('report'));
  }, [hashQuery, addressed]);

  useEffect(() => {
    api.departments().then(afterRows(setDepartments), () => setDepartments([]));
    call(catalogRoutes.categories).then(afterRows(setCategories), () => setCategories([]));
    queueApi.regions().then(afterRows(setRegions), () => setRegions([]));
  }, []);

  const search = useCallback((searched: SearchFilters) => {
    setFilters((current) => ({ ...current, ...searched, page: 1 }));
  }, []);

  const tabLabel = (key: QueueTab, label: string) => (
    <Space size={4}>
      {label}
      {counts && (
        <Badge
          count={counts[key]}
          overflowCount={9999}
          showZero
          color={key === 'overdue' ? 'red' : key === 'due_soon' ? 'orange' : '#8c8c8c'}
        />
      )}
    </Space>
  );

  return (
    <>
      <Tabs
        activeKey={filters.tab}
        onChange={(tab) => setFilters((current) => ({ ...current, tab: tab as QueueTab, page: 1 }))}
        items={tabsFor(staff).map((tab) => ({ key: tab.key, label: tabLabel(tab.key, tab.label) }))}
      />
      {filters.figure && (
        <Alert
          type="info"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          message={`统计「${QUEUE_FIGURE_NAMES[filters.figure]}」所计的事项${filters.periodFrom ? `（${filters.periodFrom} 至 ${filters.periodTo}，按派单日期）` : '（当前未办结）'}`}
          closeText="查看全部"
          onClose={() =>
            setFilters((current) => ({
              ...current,
              figure: undefined,
              periodFrom: undefined,
              periodTo: undefined,
              page: 1,
            }))
          }
        />
      )}
      {filterBarWanted ? (
        <Suspense fallback={filterBarPlace}>
          <QueueSearchForm
            key={hashQuery}
            initial={addressed}
            role={staff.role}
            regionCode={staff.regionCode}
            categories={categories}
            departments={departments}
            regions={regions}
            exportPath={exportPath(queueQueryString(filters))}
            onSearch={search}
          />
        </Suspense>
      ) : (
        filterBarPlace
      )}
      <QueueTable
        rows={rows}
        total={total}
        loading={loading}
        page={filters.page}
        pageSize={filters.pageSize}
        sort={filters.sort}
        onOpen={setOpenId}
        setFilters={setFilters}
      />
      {drawerWanted && (
        <Suspense fallback={null}>
          <ReportDrawer
            reportId={openId}
            abilities={staff.abilities}
            departments={departments}
            categories={categories}
            onClose={() => setOpenId(null)}
            onChanged={() => {
              void load();
              loadCounts();
            }}
          />
        </Suspense>
      )}
    </>
  );
}

function useDrawerOnceOpened(openId: string | null): boolean {
  return useOnceTrue(openId !== null);
}

/** True from the first render where `now` is true on. */
function useOnceTrue(now: boolean): boolean {
  const [once, setOnce] = useState(now);
  if (now && !once) setOnce(true);
  return once || now;
}
