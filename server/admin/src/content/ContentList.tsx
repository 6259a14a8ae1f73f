import { Button, Popconfirm, Space, Table, Tabs, Tag, Typography, message } from 'antd';
import type { PublicationStatus, StaffNotice } from '@minqing/shared';
import { useState } from 'react';
import { formatTime } from '../queue/format';
import { contentApi } from './contentApi';
import type { ListQuery, StaffContent } from './contentApi';
import { KIND_NAMES, PUBLICATION_STATUS_COLORS, PUBLICATION_STATUS_NAMES } from './publicationStatus';
import type { ContentKind } from './scopeOptions';
import { usePagedList } from '../usePagedList';

export interface ContentListProps {
  kind: ContentKind;
  regionName: (code: string) => string;
  onOpen: (id: string | null) => void;
}

const STATUS_TABS: { key: PublicationStatus | 'all'; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'draft', label: '草稿' },
  { key: 'published', label: '已发布' },
  { key: 'withdrawn', label: '已撤回' },
];

/** The notices or articles of the staff member's region, by status, paged by the server. */
export function ContentList({ kind, regionName, onOpen }: ContentListProps) {
  const [query, setQuery] = useState<ListQuery>({ page: 1, pageSize: 20 });

  const {
    rows,
    total,
    loading,
    reload: load,
  } = usePagedList<StaffContent>(() => contentApi.list(kind, query), [kind, query]);

  async function act(row: StaffContent, action: 'publish' | 'withdraw') {
    try {
      await contentApi[action](kind, row.id);
      message.success(action === 'publish' ? '已发布' : '已撤回');
      await load();
    } catch (error) {
      message.error(error instanceof Error ? error.message : '操作失败');
    }
  }

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Tabs
          activeKey={query.status ?? 'all'}
          onChange={(key) =>
            setQuery((current) => ({
              ...current,
              status: key === 'all' ? undefined : (key as PublicationStatus),
              page: 1,
            }))
          }
          items={STATUS_TABS}
        />
        <Button type="primary" onClick={() => onOpen(null)}>
          新建{KIND_NAMES[kind]}
        </Button>
      </Space>
      <Table<StaffContent>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: `暂无${KIND_NAMES[kind]}` }}
        onChange={(pagination) =>
          setQuery((current) => ({
            ...current,
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? current.pageSize,
          }))
        }
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total,
          showSizeChanger: true,
          showTotal: (count) => `共 ${count} 条`,
        }}
        columns={[
          {
            title: '标题',
            dataIndex: 'title',
            ellipsis: true,
            render: (title: string, row) => (
              <Space size={4}>
                {kind === 'notice' && (row as StaffNotice).pinned && <Tag color="red">置顶</Tag>}
                <Typography.Link onClick={() => onOpen(row.id)}>{title}</Typography.Link>
              </Space>
            ),
          },
          { title: '栏目', dataIndex: 'categoryName', width: 100 },
          { title: '范围', dataIndex: 'regionCode', width: 120, render: (code: string) => regionName(code) },
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            render: (status: PublicationStatus) => (
              <Tag color={PUBLICATION_STATUS_COLORS[status]}>{PUBLICATION_STATUS_NAMES[status]}</Tag>
            ),
          },
          { title: '阅读', dataIndex: 'readCount', width: 70, align: 'right' },
          ...(kind === 'notice'
            ? [
                {
                  title: '到期',
                  dataIndex: 'expiresAt',
                  width: 150,
                  render: (value: string | null) => (value ? formatTime(value) : '长期'),
                },
              ]
            : []),
          { title: '发布时间', dataIndex: 'publishedAt', width: 150, render: formatTime },
          { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: formatTime },
          {
            title: '操作',
            key: 'actions',
            width: 130,
            render: (_value, row) => (
              <Space size={0}>
                {row.allowedActions.includes('edit') && (
                  <Button type="link" size="small" onClick={() => onOpen(row.id)}>
                    编辑
                  </Button>
                )}
                {row.allowedActions.includes('publish') && (
                  <Popconfirm
                    title={`发布后，${regionName(row.regionCode)}范围内的群众即可看到。确定发布？`}
                    okText="发布"
                    cancelText="取消"
                    onConfirm={() => act(row, 'publish')}
                  >
                    <Button type="link" size="small">
                      发布
                    </Button>
                  </Popconfirm>
                )}
                {row.allowedActions.includes('withdraw') && (
                  <Popconfirm
                    title="撤回后群众将看不到，确定撤回？"
                    okText="撤回"
                    cancelText="取消"
                    onConfirm={() => act(row, 'withdraw')}
                  >
                    <Button type="link" size="small" danger>
                      撤回
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
