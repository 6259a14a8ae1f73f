import { Alert, Button, Input, Select, Space, Table, Tag, Typography, Upload, message } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import {
  HOUSEHOLD_TAGS,
  HOUSEHOLD_TAG_NAMES,
  type Household,
  type HouseholdImportRowError,
  type HouseholdTag,
  type RegionNode,
} from '@minqing/shared';
import { useEffect, useMemo, useState } from 'react';
import { chinaToday } from '../dashboard/period';
import { ExportButton } from '../export/ExportButton';
import type { PageProps } from '../pages';
import { formatTime } from '../queue/format';
import { usePagedList } from '../usePagedList';
import {
  type HouseholdFilters,
  type HouseholdsApi,
  type SupervisionApi,
  gridChoices,
  householdsApi,
  importTemplatePath,
  supervisionApi,
} from './householdsApi';
import { SupervisionCard } from './SupervisionCard';

const TAG_OPTIONS = HOUSEHOLD_TAGS.map((tag) => ({ value: tag, label: HOUSEHOLD_TAG_NAMES[tag] }));

const COLUMNS: ColumnsType<Household> = [
  {
    title: '网格',
    key: 'grid',
    width: 160,
    render: (_value, household) => `${household.villageName} · ${household.gridName}`,
  },
  { title: '户主', dataIndex: 'headName', width: 100 },
  { title: '住址', dataIndex: 'address' },
  { title: '联系电话', dataIndex: 'phone', width: 130, render: (phone: string | null) => phone ?? '—' },
  { title: '人口', dataIndex: 'memberCount', width: 70 },
  {
    title: '标签',
    dataIndex: 'tags',
    width: 200,
    render: (tags: HouseholdTag[]) => tags.map((tag) => <Tag key={tag}>{HOUSEHOLD_TAG_NAMES[tag]}</Tag>),
  },
  {
    title: '三线成员',
    dataIndex: 'liaison',
    width: 100,
    render: (liaison: Household['liaison']) => liaison?.name ?? '未分配',
  },
  {
    title: '最近走访',
    dataIndex: 'lastVisitedAt',
    width: 150,
    render: (at: string | null) => (at ? formatTime(at) : '未走访'),
  },
];

interface Refusal {
  message: string;
  rowErrors: HouseholdImportRowError[];
}

/**
 * 住户: the roster of one's grids (a 三线 member: their own households), filtered by grid and tags,
 * imported from .xlsx; for the village, township and county, this month's 走访督导 above it.
 */
export function HouseholdsPage({
  staff,
  api = householdsApi,
  supervision = supervisionApi,
}: PageProps & { api?: HouseholdsApi; supervision?: SupervisionApi }) {
  const [filters, setFilters] = useState<HouseholdFilters>({ page: 1, pageSize: 20, tags: [] });
  const [keyword, setKeyword] = useState('');
  const [regions, setRegions] = useState<RegionNode[]>([]);
  const [importing, setImporting] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const { rows, total, loading, reload } = usePagedList<Household>(() => api.list(filters), [filters]);
  const grids = useMemo(() => gridChoices(regions, staff.regionCode), [regions, staff.regionCode]);
  const mayImport = staff.abilities.includes('import_households');
  const supervises = staff.abilities.includes('supervise');

  useEffect(() => {
    api.regions().then(setRegions, () => setRegions([]));
  }, [api]);

  async function importFile(file: File) {
    setImporting(true);
    setRefusal(null);
    try {
      const outcome = await api.importRoster(file);
      if ('rowErrors' in outcome) setRefusal(outcome);
      else {
        message.success(`已导入 ${outcome.imported} 户`);
        await reload();
      }
    } catch (error) {
      message.error(error instanceof Error ? error.message : '导入失败');
    } finally {
      setImporting(false);
    }
  }

  const onPage = (pagination: TablePaginationConfig) =>
    setFilters((current) => ({
      ...current,
      page: pagination.current ?? 1,
      pageSize: pagination.pageSize ?? current.pageSize,
    }));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {supervises && <SupervisionCard month={chinaToday().slice(0, 7)} api={supervision} />}
      <Space wrap>
        <Select
          allowClear
          placeholder="全部网格"
          aria-label="网格"
          style={{ width: 220 }}
          options={grids}
          value={filters.regionCode}
          onChange={(regionCode?: string) => setFilters((current) => ({ ...current, page: 1, regionCode }))}
        />
        <Select
          mode="multiple"
          allowClear
          placeholder="标签"
          aria-label="标签"
          style={{ minWidth: 220 }}
          options={TAG_OPTIONS}
          value={filters.tags}
          onChange={(tags: HouseholdTag[]) => setFilters((current) => ({ ...current, page: 1, tags }))}
        />
        <Input.Search
          allowClear
          placeholder="户主或住址"
          style={{ width: 200 }}
          value={keyword}
          onChange={(event) => setKeyword(event.target.value)}
          onSearch={(value) => setFilters((current) => ({ ...current, page: 1, keyword: value }))}
        />
        {mayImport && (
          <>
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                // The file goes up through importRoster, not Upload's own request.
                void importFile(file);
                return false;
              }}
            >
              <Button type="primary" loading={importing}>
                导入住户
              </Button>
            </Upload>
            <ExportButton path={importTemplatePath} fallbackName="住户导入模板.xlsx" label="下载导入模板" />
          </>
        )}
      </Space>
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefusal(null)}
          message={refusal.message}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {refusal.rowErrors.map((error) => (
                <li key={`${error.row}-${error.column ?? ''}`}>
                  第 {error.row} 行{error.column ? `「${error.column}」` : ''}：{error.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Table<Household>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={COLUMNS}
        dataSource={rows}
        locale={{ emptyText: '没有符合条件的住户' }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total,
          showTotal: (count) => `共 ${count} 户`,
        }}
        onChange={onPage}
      />
      <Typography.Text type="secondary">电话已隐去中间四位。</Typography.Text>
    </Space>
  );
}
