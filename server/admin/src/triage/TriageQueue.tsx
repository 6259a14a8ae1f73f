import {
  Alert,
  Button,
  Input,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  message,
} from 'antd';
import type { Category, Department, TriageItem } from '@minqing/shared';
import { useEffect, useState } from 'react';
import { catalogRoutes } from '@minqing/shared';
import { api, call } from '../api';
import type { PageProps } from '../pages';
import { usePagedList } from '../usePagedList';
import { ReportDrawer } from '../queue/ReportDrawer';
import { departmentGroups, townshipOf } from '../queue/departmentOptions';
import { buildActionRequest } from '../queue/actionForm';
import { formatTime } from '../queue/format';
import { Transcript, TranscriptSourceTag, voiceWithoutTranscript } from '../queue/Transcript';
import { queueApi } from '../queue/queueApi';
import { DuplicateCompare } from './DuplicateCompare';
import { bulkOutcome, oneClickSuggestion, percent } from './triageLogic';

type View = 'dispatch' | 'duplicates';

/** 分派: reports waiting for a department, with the classifier's suggestions; and suspected duplicates. */
export function TriageQueue({ staff }: PageProps) {
  const [view, setView] = useState<View>('dispatch');
  const [keyword, setKeyword] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkDepartment, setBulkDepartment] = useState<string | undefined>();
  const [bulkCategory, setBulkCategory] = useState<string | undefined>();
  const [failures, setFailures] = useState<string[]>([]);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [comparing, setComparing] = useState<TriageItem | null>(null);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);

  const {
    rows,
    total,
    loading,
    reload: load,
  } = usePagedList(() => queueApi.triage({ view, page, pageSize, keyword }), [view, page, pageSize, keyword]);

  // A selected report that has left the page (dispatched, merged) is no longer selected.
  useEffect(() => {
    setSelected((current) => current.filter((id) => rows.some((item) => item.id === id)));
  }, [rows]);

  useEffect(() => {
    api.departments().then(setDepartments, () => setDepartments([]));
    call(catalogRoutes.categories).then(setCategories, () => setCategories([]));
  }, []);

  async function dispatchOne(item: TriageItem, departmentId: string, categoryCode: string) {
    const checked = buildActionRequest('assign', { departmentId, categoryCode });
    if (!checked.ok) return;
    setBusyId(item.id);
    try {
      await api.act(item.id, checked.request);
      message.success(`${item.serialNo} 已派单`);
      await load();
    } catch (error) {
      message.error(error instanceof Error ? error.message : '派单失败');
    } finally {
      setBusyId(null);
    }
  }

  async function dispatchSelected() {
    if (!bulkDepartment || selected.length === 0) return;
    setFailures([]);
    try {
      const response = await queueApi.bulkAssign({
        reportIds: selected,
        departmentId: bulkDepartment,
        ...(bulkCategory ? { categoryCode: bulkCategory } : {}),
      });
      const outcome = bulkOutcome(response);
      (response.failed === 0 ? message.success : message.warning)(outcome.summary);
      setFailures(outcome.failures);
      setSelected([]);
      await load();
    } catch (error) {
      message.error(error instanceof Error ? error.message : '批量派单失败');
    }
  }

  const departmentName = (id: string | undefined) => departments.find((department) => department.id === id)?.name ?? '';
  const leafCategories = categories.filter((category) => category.parentCode);
  // 本镇 is the dispatcher's township, or for the county the one township all selected reports share.
  const selectedTownships = new Set(
    rows.filter((row) => selected.includes(row.id)).map((row) => townshipOf(row.villageCode)),
  );
  const township = townshipOf(staff.regionCode) ?? (selectedTownships.size === 1 ? [...selectedTownships][0] : null);

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<View>
          value={view}
          onChange={(next) => {
            setView(next);
            setPage(1);
            setSelected([]);
            setFailures([]);
          }}
          options={[
            { value: 'dispatch', label: '待分派' },
            { value: 'duplicates', label: '疑似重复' },
          ]}
        />
        <Input.Search
          allowClear
          placeholder="反映内容关键词"
          maxLength={50}
          style={{ width: 240 }}
          onSearch={(value) => {
            setKeyword(value);
            setPage(1);
          }}
        />
      </Space>
      {view === 'dispatch' && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Typography.Text>已选 {selected.length} 件，派给</Typography.Text>
          <Select
            showSearch
            allowClear
            optionFilterProp="label"
            placeholder="承办部门"
            style={{ width: 220 }}
            value={bulkDepartment}
            onChange={setBulkDepartment}
            options={departmentGroups(departments, township)}
          />
          <Select
            showSearch
            allowClear
            optionFilterProp="label"
            placeholder="分类（可选）"
            style={{ width: 180 }}
            value={bulkCategory}
            onChange={setBulkCategory}
            options={leafCategories.map((category) => ({ value: category.code, label: category.name }))}
          />
          <Popconfirm
            title="确定批量派单？"
            description={`将 ${selected.length} 件事项派给 ${departmentName(bulkDepartment)}，每件单独办理、单独计时。`}
            okText="确定派单"
            cancelText="取消"
            onConfirm={dispatchSelected}
            disabled={!bulkDepartment || selected.length === 0}
          >
            <Button type="primary" disabled={!bulkDepartment || selected.length === 0}>
              批量派单
            </Button>
          </Popconfirm>
        </Space>
      )}
      {failures.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setFailures([])}
          style={{ marginBottom: 16 }}
          message="以下事项未派出"
          description={failures.map((line) => <div key={line}>{line}</div>)}
        />
      )}
      <Table<TriageItem>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        rowClassName={(row) => (row.overdue ? 'queue-row-overdue' : '')}
        rowSelection={
          view === 'dispatch'
            ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }
            : undefined
        }
        locale={{ emptyText: view === 'dispatch' ? '没有待分派的事项' : '没有疑似重复的事项' }}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          showTotal: (count) => `共 ${count} 件`,
          onChange: (nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          },
        }}
        columns={[
          {
            title: '编号',
            dataIndex: 'serialNo',
            width: 170,
            render: (serialNo: string, row) => (
              <Typography.Link onClick={() => setOpenId(row.id)}>{serialNo}</Typography.Link>
            ),
          },
          {
            title: '内容',
            dataIndex: 'text',
            render: (text: string, row) =>
              row.transcriptSource ? (
                // A voice report: what the clip says, and who wrote it down.
                <Space size={4} align="start">
                  <TranscriptSourceTag source={row.transcriptSource} />
                  <Tooltip title={text}>
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                      {text}
                    </Typography.Paragraph>
                  </Tooltip>
                </Space>
              ) : voiceWithoutTranscript(row) ? (
                <Space size={4}>
                  <span>{row.excerpt}</span>
                  <Transcript hasVoice transcript={null} transcriptSource={null} />
                </Space>
              ) : (
                <Tooltip title={text}>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                    {text}
                  </Typography.Paragraph>
                </Tooltip>
              ),
          },
          { title: '村(社区)', dataIndex: 'villageName', width: 110 },
          { title: '提交时间', dataIndex: 'submittedAt', width: 140, render: formatTime },
          view === 'dispatch'
            ? {
                title: `分派建议（置信度 → 承办部门；达到 ${percent(rows[0]?.threshold ?? 1)} 可一键派单）`,
                key: 'suggestions',
                width: 420,
                render: (_value, row) => {
                  if (row.suggestions.length === 0)
                    return <Typography.Text type="secondary">无建议，请打开事项人工派单</Typography.Text>;
                  const primary = oneClickSuggestion(row);
                  return (
                    <Space direction="vertical" size={4}>
                      {primary?.departmentId && (
                        <Button
                          type="primary"
                          size="small"
                          loading={busyId === row.id}
                          onClick={() => dispatchOne(row, primary.departmentId as string, primary.categoryCode)}
                        >
                          一键派单：{primary.departmentName}（{primary.categoryName} {percent(primary.confidence)}）
                        </Button>
                      )}
                      {!primary && (
                        <Typography.Text type="warning">把握不足，请从下列建议中选择或打开事项派单</Typography.Text>
                      )}
                      {row.suggestions.map((suggestion) =>
                        suggestion === primary ? null : (
                          <Space key={suggestion.categoryCode} size={6} data-testid="triage-suggestion">
                            <Tag>{suggestion.categoryName}</Tag>
                            <Typography.Text type={suggestion.confident ? 'success' : 'secondary'}>
                              {percent(suggestion.confidence)}
                              {!suggestion.confident && '（把握不足）'}
                            </Typography.Text>
                            <span>→ {suggestion.departmentName ?? '无对应部门'}</span>
                            {suggestion.departmentId && (
                              <Popconfirm
                                title={`派给 ${suggestion.departmentName}？`}
                                description={`分类记为「${suggestion.categoryName}」`}
                                okText="派单"
                                cancelText="取消"
                                onConfirm={() =>
                                  dispatchOne(row, suggestion.departmentId as string, suggestion.categoryCode)
                                }
                              >
                                <Button size="small" loading={busyId === row.id}>
                                  派单
                                </Button>
                              </Popconfirm>
                            )}
                          </Space>
                        ),
                      )}
                    </Space>
                  );
                },
              }
            : {
                title: '疑似重复于',
                key: 'duplicateOf',
                width: 380,
                render: (_value, row) =>
                  row.duplicateOf ? (
                    <Space direction="vertical" size={2}>
                      <span>
                        {row.duplicateOf.serialNo}　
                        <Typography.Text type="secondary">{row.duplicateOf.excerpt}</Typography.Text>
                      </span>
                      <Button size="small" onClick={() => setComparing(row)}>
                        对比与合并
                      </Button>
                    </Space>
                  ) : (
                    <Typography.Text type="secondary">原事项不在您的管辖范围内</Typography.Text>
                  ),
              },
        ]}
      />
      <ReportDrawer
        reportId={openId}
        abilities={staff.abilities}
        departments={departments}
        categories={categories}
        onClose={() => setOpenId(null)}
        onChanged={() => void load()}
      />
      {comparing?.duplicateOf && (
        <DuplicateCompare
          duplicateId={comparing.id}
          originalId={comparing.duplicateOf.id}
          onClose={() => setComparing(null)}
          onMerged={() => {
            message.success(`${comparing.serialNo} 已合并`);
            setComparing(null);
            void load();
          }}
        />
      )}
    </>
  );
}
