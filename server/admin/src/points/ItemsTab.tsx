import { Button, Popconfirm, Space, Switch, Table, Tag, Typography, message } from 'antd';
import type { RegionNode, ShopItem } from '@minqing/shared';
import { useMemo, useState } from 'react';
import { ItemFormModal } from './ItemFormModal';
import { pointsApi } from './pointsApi';
import type { PageQuery } from './pointsApi';
import { shopRegionOptions } from './shopRegions';
import { usePagedList } from '../usePagedList';
import { pagerOf, withPager } from '../tablePaging';

export interface ItemsTabProps {
  regionCode: string;
  regions: RegionNode[];
  /** Default to the real API; tests pass fakes. */
  api?: Pick<typeof pointsApi, 'items' | 'createItem' | 'updateItem'>;
}

/** 商品: the catalogue of the 积分超市 in scope, with price, stock and 上架/下架. */
export function ItemsTab({ regionCode, regions, api = pointsApi }: ItemsTabProps) {
  const [query, setQuery] = useState<PageQuery>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<ShopItem | 'new' | null>(null);
  const regionOptions = useMemo(() => shopRegionOptions(regions, regionCode), [regions, regionCode]);

  const { rows, setRows, total, loading, reload: load } = usePagedList<ShopItem>(() => api.items(query), [api, query]);

  async function toggle(item: ShopItem, enabled: boolean) {
    try {
      const saved = await api.updateItem(item.id, { enabled });
      setRows((current) => current.map((row) => (row.id === saved.id ? saved : row)));
      message.success(enabled ? '已上架' : '已下架，村民将看不到该商品');
    } catch (error) {
      message.error(error instanceof Error ? error.message : '操作失败');
    }
  }

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" disabled={regionOptions.length === 0} onClick={() => setEditing('new')}>
          上架商品
        </Button>
        {regionOptions.length === 0 && (
          <Typography.Text type="secondary">
            积分超市设在村（社区）或乡镇，您的辖区内没有可上架的积分超市
          </Typography.Text>
        )}
      </Space>
      <Table<ShopItem>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        onChange={(pagination) => setQuery(withPager(pagination))}
        locale={{ emptyText: '还没有商品，点「上架商品」添加' }}
        pagination={pagerOf(query, total, '件')}
        columns={[
          {
            title: '商品',
            dataIndex: 'name',
            render: (name: string, item) => (
              <Space direction="vertical" size={0}>
                <span>{name}</span>
                {item.description && <Typography.Text type="secondary">{item.description}</Typography.Text>}
              </Space>
            ),
          },
          { title: '兑换积分', dataIndex: 'pointsPrice', width: 100 },
          {
            title: '库存',
            dataIndex: 'stock',
            width: 90,
            render: (stock: number) => (stock > 0 ? stock : <Tag color="red">已兑完</Tag>),
          },
          { title: '积分超市', dataIndex: 'regionName', width: 130 },
          {
            title: '上架',
            dataIndex: 'enabled',
            width: 100,
            render: (enabled: boolean, item) =>
              enabled ? (
                <Popconfirm
                  title="下架后村民将看不到该商品（已兑换的不受影响），确定下架？"
                  okText="下架"
                  cancelText="取消"
                  onConfirm={() => toggle(item, false)}
                >
                  <Switch aria-label={`${item.name} 上架`} checked checkedChildren="上架" unCheckedChildren="下架" />
                </Popconfirm>
              ) : (
                <Switch
                  aria-label={`${item.name} 上架`}
                  checked={false}
                  checkedChildren="上架"
                  unCheckedChildren="下架"
                  onChange={() => void toggle(item, true)}
                />
              ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_value, item) => (
              <Button size="small" onClick={() => setEditing(item)}>
                编辑
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <ItemFormModal
          item={editing === 'new' ? null : editing}
          regionOptions={regionOptions}
          api={api}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            message.success('已保存');
            if (editing === 'new') void load();
            else setRows((current) => current.map((row) => (row.id === saved.id ? saved : row)));
          }}
        />
      )}
    </>
  );
}
