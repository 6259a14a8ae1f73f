import { Button, Form, Input, InputNumber, Popconfirm, Table, Tag, message } from 'antd';
import { CONFIG_LIMITS, ConfigServicePatchSchema } from '@minqing/shared';
import type { ConfigService } from '@minqing/shared';
import { useCallback, useEffect, useState } from 'react';
import { ConfigFormModal } from './ConfigFormModal';
import { configApi } from './configApi';

/** 服务: the five home-page services; their texts, order, and whether citizens can use them. */
export function ServicesTab() {
  const [rows, setRows] = useState<ConfigService[]>([]);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<ConfigService | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setRows(await configApi.services());
    } catch (error) {
      message.error(error instanceof Error ? error.message : '加载失败');
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => void load(), [load]);

  async function setEnabled(service: ConfigService, enabled: boolean) {
    try {
      await configApi.updateService(service.code, { enabled });
      message.success(enabled ? '已开放' : '已暂停');
      void load();
    } catch (error) {
      message.error(error instanceof Error ? error.message : '操作失败');
    }
  }

  return (
    <>
      <Table<ConfigService>
        rowKey="code"
        size="middle"
        loading={loading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: '服务', dataIndex: 'name', width: 140 },
          { title: '说明', dataIndex: 'description' },
          {
            title: '匿名',
            dataIndex: 'allowAnonymous',
            width: 70,
            render: (allowed: boolean) => (allowed ? '可匿名' : '—'),
          },
          { title: '排序', dataIndex: 'sortOrder', width: 70 },
          {
            title: '状态',
            dataIndex: 'enabled',
            width: 80,
            render: (enabled: boolean) => (enabled ? <Tag color="green">开放中</Tag> : <Tag>已暂停</Tag>),
          },
          {
            title: '操作',
            width: 130,
            render: (_value, row) => (
              <>
                <Button type="link" size="small" onClick={() => setEditing(row)}>
                  修改
                </Button>
                {row.enabled ? (
                  <Popconfirm
                    title="确认暂停该服务？"
                    description="暂停后群众在小程序首页看不到它，也不能再提交；已提交的事项照常办理。"
                    okText="暂停"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => setEnabled(row, false)}
                  >
                    <Button type="link" size="small" danger>
                      暂停
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button type="link" size="small" onClick={() => void setEnabled(row, true)}>
                    开放
                  </Button>
                )}
              </>
            ),
          },
        ]}
      />
      {editing && (
        <ConfigFormModal
          title={`修改服务：${editing.name}`}
          schema={ConfigServicePatchSchema}
          initialValues={{ name: editing.name, description: editing.description, sortOrder: editing.sortOrder }}
          submit={(patch) => configApi.updateService(editing.code, patch)}
          onDone={() => (setEditing(null), message.success('已保存'), void load())}
          onCancel={() => setEditing(null)}
        >
          {() => (
            <>
              <Form.Item name="name" label="服务名称" required>
                <Input maxLength={CONFIG_LIMITS.serviceNameMax} showCount />
              </Form.Item>
              <Form.Item name="description" label="说明">
                <Input.TextArea maxLength={CONFIG_LIMITS.serviceDescriptionMax} showCount rows={3} />
              </Form.Item>
              <Form.Item name="sortOrder" label="排序">
                <InputNumber min={0} max={CONFIG_LIMITS.sortOrderMax} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </>
          )}
        </ConfigFormModal>
      )}
    </>
  );
}
