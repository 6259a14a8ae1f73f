import { Form, Input, InputNumber, Modal, Space, Switch, TreeSelect, Typography } from 'antd';
import { POINTS_MAX_PRICE, SHOP_STOCK_MAX } from '@minqing/shared';
import type { ShopItem } from '@minqing/shared';
import { useState } from 'react';
import { ApiError } from '../api';
import { ITEM_FIELDS, buildItemInput, buildItemPatch, itemFormValues } from './itemForm';
import type { ItemField, ItemFormValues } from './itemForm';
import { pointsApi } from './pointsApi';
import type { TreeOption } from './shopRegions';

export interface ItemFormModalProps {
  /** null: a new item. */
  item: ShopItem | null;
  regionOptions: TreeOption[];
  onSaved: (saved: ShopItem) => void;
  onCancel: () => void;
  /** Default to the real API; tests pass fakes. */
  api?: Pick<typeof pointsApi, 'createItem' | 'updateItem'>;
}

const isField = (name: string | undefined): name is ItemField =>
  (ITEM_FIELDS as readonly string[]).includes(name ?? '');

/** 上架商品 / 编辑商品: checked with the server's schema first, the server's field errors shown in place. */
export function ItemFormModal({ item, regionOptions, onSaved, onCancel, api = pointsApi }: ItemFormModalProps) {
  const [form] = Form.useForm<ItemFormValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const firstShop = regionOptions[0]?.selectable === false ? undefined : regionOptions[0]?.value;
  const initial: ItemFormValues = item ? itemFormValues(item) : { enabled: true, regionCode: firstShop };

  function showErrors(errors: { field: ItemField; message: string }[]) {
    form.setFields(
      ITEM_FIELDS.map((name) => ({
        name,
        errors: errors.filter((error) => error.field === name).map((error) => error.message),
      })),
    );
  }

  async function persist(call: () => Promise<ShopItem>) {
    setBusy(true);
    try {
      onSaved(await call());
    } catch (error) {
      if (error instanceof ApiError && isField(error.field))
        form.setFields([{ name: error.field, errors: [error.message] }]);
      else setFailure(error instanceof Error ? error.message : '保存失败');
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    setFailure(null);
    const values = form.getFieldsValue();
    if (item) {
      const checked = buildItemPatch(values);
      showErrors(checked.ok ? [] : checked.errors);
      if (checked.ok) await persist(() => api.updateItem(item.id, checked.patch));
      return;
    }
    const checked = buildItemInput(values);
    showErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) await persist(() => api.createItem(checked.input));
  }

  return (
    <Modal
      open
      title={item ? '编辑商品' : '上架商品'}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={save}
      onCancel={onCancel}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="name" label="商品名称" required>
          <Input maxLength={40} placeholder="如：洗衣粉 1kg" />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={2} maxLength={200} showCount placeholder="规格、领取时间等（选填）" />
        </Form.Item>
        <Space align="start">
          <Form.Item name="pointsPrice" label="兑换积分" required>
            <InputNumber min={1} max={POINTS_MAX_PRICE} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="stock" label="库存" required>
            <InputNumber min={0} max={SHOP_STOCK_MAX} precision={0} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="regionCode"
          label="积分超市（村或镇）"
          required
          extra={item ? '商品所属的积分超市不能修改' : undefined}
        >
          <TreeSelect
            disabled={Boolean(item)}
            treeData={regionOptions}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
            placeholder="请选择积分超市"
          />
        </Form.Item>
        <Form.Item name="enabled" label="上架" valuePropName="checked">
          <Switch checkedChildren="上架" unCheckedChildren="下架" />
        </Form.Item>
        {failure && (
          <Typography.Text type="danger" role="alert">
            {failure}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
