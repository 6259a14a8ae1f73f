import { Button, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { DisableToggle } from './DisableToggle';

export interface ReferenceColumnsOptions<Row> {
  edit: (row: Row) => void;
  /** What stops when a row is disabled, shown in the confirmation. */
  consequence: string;
  toggle: (row: Row, disabled: boolean) => Promise<unknown>;
  onDone: () => void;
}

/** The 状态 and 操作 columns a reference table (regions, departments, categories) ends with: 修改, 停用 / 启用. */
export function referenceColumns<Row extends { disabled: boolean }>({
  edit,
  consequence,
  toggle,
  onDone,
}: ReferenceColumnsOptions<Row>): TableColumnsType<Row> {
  return [
    {
      title: '状态',
      dataIndex: 'disabled',
      width: 80,
      render: (disabled: boolean) => (disabled ? <Tag>已停用</Tag> : <Tag color="green">启用中</Tag>),
    },
    {
      title: '操作',
      width: 130,
      render: (_value, row) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => edit(row)}>
            修改
          </Button>
          <DisableToggle
            disabled={row.disabled}
            consequence={consequence}
            toggle={(disabled) => toggle(row, disabled)}
            onDone={onDone}
          />
        </Space>
      ),
    },
  ];
}
