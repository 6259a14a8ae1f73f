import { Button, Form, Input, Popconfirm, Select, Space, Table, Tag, TreeSelect, message } from 'antd';
import { ROLE_NAMES, STAFF_ROLES } from '@minqing/shared';
import type { Department, RegionNode, StaffAccount, StaffRole } from '@minqing/shared';
import { useEffect, useMemo, useState } from 'react';
import { navigate } from '../nav';
import type { PageProps } from '../pages';
import { formatTime } from '../queue/format';
import { AccountFormModal } from './AccountFormModal';
import { GeneratedPassword } from './GeneratedPassword';
import { ResetPasswordModal } from './ResetPasswordModal';
import { regionOptions } from './accountForm';
import { DEFAULT_ACCOUNT_FILTERS } from './accountQuery';
import type { AccountFilters } from './accountQuery';
import { accountsApi } from './accountsApi';
import { usePagedList } from '../usePagedList';
import { pagerOf, withPager } from '../tablePaging';

interface SearchValues {
  keyword?: string;
  role?: StaffRole;
  regionCode?: string;
  status?: 'active' | 'disabled';
}

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; account: StaffAccount }
  | { kind: 'reset'; account: StaffAccount }
  | { kind: 'password'; username: string; password: string };

function StatusTags({ account }: { account: StaffAccount }) {
  return (
    <Space size={4} wrap>
      {account.disabled ? <Tag color="red">已停用</Tag> : <Tag color="green">正常</Tag>}
      {account.lockedUntil && (
        <Tag color="orange" title={`锁定至 ${formatTime(account.lockedUntil)}`}>
          已锁定
        </Tag>
      )}
      {account.mustChangePassword && <Tag color="blue">待改密</Tag>}
      {account.wechatBound && <Tag color="cyan">已绑定微信</Tag>}
    </Space>
  );
}

/** 账号管理: the accounts in one's region, paged by the server; what one may do to each comes with it. */
export function StaffAccounts({ staff }: PageProps) {
  const [filters, setFilters] = useState<AccountFilters>(DEFAULT_ACCOUNT_FILTERS);
  const [regions, setRegions] = useState<RegionNode[]>([]);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm<SearchValues>();
  const regionFilter = useMemo(
    () => regionOptions(regions, staff.regionCode, ['county', 'township', 'village']),
    [regions, staff.regionCode],
  );

  const { rows, total, loading, reload: load } = usePagedList<StaffAccount>(() => accountsApi.list(filters), [filters]);

  useEffect(() => {
    accountsApi.regions().then(setRegions, () => setRegions([]));
    accountsApi.departments().then(setDepartments, () => setDepartments([]));
  }, []);

  function search(values: SearchValues) {
    setFilters((current) => ({ ...current, ...values, page: 1 }));
  }

  async function setDisabled(account: StaffAccount, disabled: boolean) {
    try {
      await (disabled ? accountsApi.disable(account.id) : accountsApi.enable(account.id));
      message.success(disabled ? `已停用 ${account.name}，其登录已全部失效` : `已启用 ${account.name}`);
      void load();
    } catch (error) {
      message.error(error instanceof Error ? error.message : '操作失败');
    }
  }

  async function unbindWechat(account: StaffAccount) {
    try {
      await accountsApi.unbindWechat(account.id);
      message.success(`已为 ${account.name} 解绑微信`);
      void load();
    } catch (error) {
      message.error(error instanceof Error ? error.message : '操作失败');
    }
  }

  function saved(account: StaffAccount, generatedPassword: string | null, doneText: string) {
    void load();
    if (generatedPassword) setDialog({ kind: 'password', username: account.username, password: generatedPassword });
    else {
      setDialog(null);
      message.success(doneText);
    }
  }

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} align="start">
        <Form form={form} layout="inline" onFinish={search} style={{ rowGap: 8 }}>
          <Form.Item name="keyword" label="关键词">
            <Input allowClear placeholder="账号或姓名" maxLength={32} />
          </Form.Item>
          <Form.Item name="role" label="角色">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 140 }}
              options={STAFF_ROLES.map((role) => ({ value: role, label: ROLE_NAMES[role] }))}
            />
          </Form.Item>
          <Form.Item name="regionCode" label="地区">
            <TreeSelect
              allowClear
              placeholder="全部"
              style={{ width: 200 }}
              treeData={regionFilter}
              treeDefaultExpandedKeys={[staff.regionCode]}
              showSearch
              treeNodeFilterProp="title"
            />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 100 }}
              options={[
                { value: 'active', label: '正常' },
                { value: 'disabled', label: '已停用' },
              ]}
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters(DEFAULT_ACCOUNT_FILTERS);
              }}
            >
              重置
            </Button>
          </Space>
        </Form>
        <Button type="primary" onClick={() => setDialog({ kind: 'create' })}>
          新建账号
        </Button>
      </Space>
      <Table<StaffAccount>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        onChange={(pagination) => setFilters(withPager(pagination))}
        locale={{ emptyText: '没有符合条件的账号' }}
        pagination={pagerOf(filters, total, '个账号')}
        columns={[
          { title: '账号', dataIndex: 'username', width: 150 },
          { title: '姓名', dataIndex: 'name', width: 110 },
          { title: '角色', dataIndex: 'role', width: 120, render: (role: StaffRole) => ROLE_NAMES[role] },
          { title: '管辖范围', dataIndex: 'regionName', width: 140 },
          { title: '所属部门', dataIndex: 'departmentName', render: (name: string | null) => name ?? '—' },
          { title: '状态', key: 'status', width: 170, render: (_value, account) => <StatusTags account={account} /> },
          { title: '创建时间', dataIndex: 'createdAt', width: 150, render: formatTime },
          {
            title: '操作',
            key: 'actions',
            width: 230,
            render: (_value, account) => (
              <Space size={0} wrap>
                {account.allowedActions.includes('edit') && (
                  <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', account })}>
                    编辑
                  </Button>
                )}
                {account.allowedActions.includes('disable') && (
                  <Popconfirm
                    title={`停用 ${account.name}？`}
                    description="停用后该账号立即退出登录且无法再登录。"
                    okText="停用"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => setDisabled(account, true)}
                  >
                    <Button type="link" size="small" danger>
                      停用
                    </Button>
                  </Popconfirm>
                )}
                {account.allowedActions.includes('enable') && (
                  <Popconfirm
                    title={`启用 ${account.name}？`}
                    okText="启用"
                    cancelText="取消"
                    onConfirm={() => setDisabled(account, false)}
                  >
                    <Button type="link" size="small">
                      启用
                    </Button>
                  </Popconfirm>
                )}
                {account.allowedActions.includes('reset_password') && (
                  <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', account })}>
                    重置密码
                  </Button>
                )}
                {account.allowedActions.includes('unbind_wechat') && (
                  <Popconfirm
                    title={`为 ${account.name} 解绑微信？`}
                    description="解绑后该微信不能再直接登录工作台，本人需用账号密码登录后重新绑定。"
                    okText="解绑"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => unbindWechat(account)}
                  >
                    <Button type="link" size="small" danger>
                      解绑微信
                    </Button>
                  </Popconfirm>
                )}
                {staff.abilities.includes('audit') && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => navigate('audit', { targetType: 'staff', targetId: account.id })}
                  >
                    日志
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <AccountFormModal
          manager={staff}
          account={dialog.kind === 'edit' ? dialog.account : null}
          regions={regions}
          departments={departments}
          onDone={(account, generatedPassword) => saved(account, generatedPassword, '已保存')}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordModal
          account={dialog.account}
          onCancel={() => setDialog(null)}
          onDone={(result) => saved(result.account, result.generatedPassword, `已重置 ${result.account.name} 的密码`)}
        />
      )}
      {dialog?.kind === 'password' && (
        <GeneratedPassword username={dialog.username} password={dialog.password} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
