import type { TablePaginationConfig } from 'antd';

export interface PagedQuery {
  page: number;
  pageSize: number;
}

/** A server-paged table's pager: the page and size asked for, the total, 共 N 条 (or another unit). */
export function pagerOf({ page, pageSize }: PagedQuery, total: number, unit = '条'): TablePaginationConfig {
  return { current: page, pageSize, total, showSizeChanger: true, showTotal: (count) => `共 ${count} ${unit}` };
}

/** The query once the table's pager moved: its page and size, the filters kept. */
export function withPager<Q extends PagedQuery>(pagination: TablePaginationConfig): (current: Q) => Q {
  return (current) => ({
    ...current,
    page: pagination.current ?? 1,
    pageSize: pagination.pageSize ?? current.pageSize,
  });
}
