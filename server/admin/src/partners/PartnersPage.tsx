import type { Partner } from '@minqing/shared';
import { Alert, Button, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { PageProps } from '../pages';
import { partnersApi } from './partnersApi';

const dateTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '');

/** The key the server answered at creation: shown this once (only its hash is kept). */
function IssuedKey({ name, apiKey, onClose }: { name: string; apiKey: string; onClose: () => void }) {
  return (
    <Modal
      open
      title="接口密钥"
      closable={false}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          我已妥善保存
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message="密钥只显示这一次，服务器只保存它的摘要。请通过安全渠道交给合作方；遗失后只能吊销并重新发放。"
      />
      <Typography.Paragraph>
        合作方：<Typography.Text strong>{name}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph>
        api_key：
        <Typography.Text code copyable={{ text: apiKey, tooltips: ['复制', '已复制'] }} data-testid="issued-key">
          {apiKey}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        接口地址：/open311/v2/（Open311 GeoReport v2，JSON）。提交诉求：POST /open311/v2/requests.json，带
        api_key、service_code（问题分类代码）、address_id（村级区划代码）和 description。
      </Typography.Paragraph>
    </Modal>
  );
}

/**
 * 合作方: the county's 12345 platform or another partner system gets an api_key to read and file
 * reports through Open311. Create (the key is shown once), list, revoke after a confirmation; the server
 * audits issuing and revoking.
 */
export function PartnersPage(_props: PageProps) {
  const [partners, setPartners] = useState<Partner[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [issued, setIssued] = useState<{ name: string; apiKey: string } | null>(null);
  const [form] = Form.useForm<{ name: string }>();

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setPartners(await partnersApi.list());
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : '加载失败');
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function create(values: { name: string }) {
    setSaving(true);
    try {
      const created = await partnersApi.create({ name: values.name });
      setCreating(false);
      form.resetFields();
      setIssued({ name: created.partner.name, apiKey: created.apiKey });
      void load();
    } catch (caught) {
      message.error(caught instanceof Error ? caught.message : '新增失败');
    } finally {
      setSaving(false);
    }
  }

  async function revoke(partner: Partner) {
    try {
      await partnersApi.revoke(partner.id);
      message.success(`已吊销「${partner.name}」的密钥`);
      void load();
    } catch (caught) {
      message.error(caught instanceof Error ? caught.message : '吊销失败');
    }
  }

  return (
    <div>
      <Space style={{ marginBottom: 16 }} align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          合作方
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          新增合作方
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">
        合作方（如县 12345 热线平台）凭接口密钥通过 Open311
        提交诉求，并读取与「本村动态」相同的公开信息，不含任何个人信息。
      </Typography.Paragraph>
      {error ? (
        <Alert
          type="error"
          showIcon
          message={error}
          action={<Button onClick={() => void load()}>重试</Button>}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Table<Partner>
        rowKey="id"
        loading={loading}
        dataSource={partners}
        pagination={false}
        locale={{ emptyText: '还没有合作方。点「新增合作方」为对接的系统发放接口密钥。' }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          {
            title: '密钥开头',
            dataIndex: 'keyPrefix',
            render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
          },
          { title: '已提交诉求', dataIndex: 'reportsFiled' },
          { title: '发放人', dataIndex: 'createdBy', render: (name: string | null) => name ?? '—' },
          { title: '发放时间', dataIndex: 'createdAt', render: dateTime },
          {
            title: '状态',
            dataIndex: 'revokedAt',
            render: (revokedAt: string | null) =>
              revokedAt ? <Tag>已吊销 {dateTime(revokedAt)}</Tag> : <Tag color="green">有效</Tag>,
          },
          {
            title: '操作',
            key: 'actions',
            render: (_value, partner) =>
              partner.revokedAt ? null : (
                <Popconfirm
                  title={`吊销「${partner.name}」的密钥？`}
                  description="吊销后该密钥立即失效，不能恢复；合作方需要新的密钥才能继续提交。"
                  okText="吊销"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => revoke(partner)}
                >
                  <Button type="link" danger>
                    吊销密钥
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        open={creating}
        title="新增合作方"
        okText="发放密钥"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => void create(values)}>
          <Form.Item
            name="name"
            label="合作方名称"
            rules={[
              { required: true, whitespace: true, message: '请填写合作方名称' },
              { min: 2, max: 50, message: '名称为 2 到 50 个字' },
            ]}
          >
            <Input placeholder="如：汉阴县 12345 热线平台" maxLength={50} />
          </Form.Item>
        </Form>
      </Modal>
      {issued ? <IssuedKey name={issued.name} apiKey={issued.apiKey} onClose={() => setIssued(null)} /> : null}
    </div>
  );
}
