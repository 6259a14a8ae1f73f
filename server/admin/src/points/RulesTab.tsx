import { Button, InputNumber, Switch, Table, Typography, message } from 'antd';
import { POINTS_MAX_AWARD } from '@minqing/shared';
import type { PointsAwardReason, PointsRule } from '@minqing/shared';
import { useEffect, useState } from 'react';
import { pointsApi } from './pointsApi';

export interface RulesTabProps {
  /** Default to the real API; tests pass fakes. */
  api?: Pick<typeof pointsApi, 'rules' | 'saveRule'>;
}

type Draft = Record<PointsAwardReason, { points: number | null; enabled: boolean }>;

/** 积分规则 (county, sysadmin): how many points each kind of award earns in the county, and whether it is on. */
export function RulesTab({ api = pointsApi }: RulesTabProps) {
  const [rules, setRules] = useState<PointsRule[]>([]);
  const [draft, setDraft] = useState<Partial<Draft>>({});
  const [loading, setLoading] = useState(true);
  const [saving, setSaving] = useState<PointsAwardReason | null>(null);

  useEffect(() => {
    api
      .rules()
      .then((loaded) => {
        setRules(loaded);
        setDraft(
          Object.fromEntries(loaded.map((rule) => [rule.reason, { points: rule.points, enabled: rule.enabled }])),
        );
      })
      .catch((error: unknown) => message.error(error instanceof Error ? error.message : '加载失败'))
      .finally(() => setLoading(false));
  }, [api]);

  const edit = (reason: PointsAwardReason, change: Partial<Draft[PointsAwardReason]>) =>
    setDraft((current) => ({
      ...current,
      [reason]: { ...(current[reason] ?? { points: 0, enabled: true }), ...change },
    }));

  async function save(rule: PointsRule) {
    const value = draft[rule.reason];
    if (!value || value.points === null) {
      message.error('请填写积分');
      return;
    }
    setSaving(rule.reason);
    try {
      const saved = await api.saveRule(rule.reason, { points: value.points, enabled: value.enabled });
      setRules((current) => current.map((candidate) => (candidate.reason === saved.reason ? saved : candidate)));
      message.success(`已保存「${saved.reasonName}」`);
    } catch (error) {
      message.error(error instanceof Error ? error.message : '保存失败');
    } finally {
      setSaving(null);
    }
  }

  const changed = (rule: PointsRule) =>
    draft[rule.reason]?.points !== rule.points || draft[rule.reason]?.enabled !== rule.enabled;

  return (
    <>
      <Typography.Paragraph type="secondary">
        修改只影响以后的积分，已经记入的不变。每件事（同一反映、同一评价、同一次活动）只记一次积分。
      </Typography.Paragraph>
      <Table<PointsRule>
        rowKey="reason"
        size="middle"
        loading={loading}
        dataSource={rules}
        pagination={false}
        columns={[
          { title: '获得积分的事项', dataIndex: 'reasonName' },
          {
            title: '积分',
            key: 'points',
            width: 160,
            render: (_value, rule) => (
              <InputNumber
                aria-label={`${rule.reasonName} 积分`}
                min={0}
                max={POINTS_MAX_AWARD}
                precision={0}
                value={draft[rule.reason]?.points ?? null}
                onChange={(points) => edit(rule.reason, { points: points ?? null })}
              />
            ),
          },
          {
            title: '启用',
            key: 'enabled',
            width: 100,
            render: (_value, rule) => (
              <Switch
                aria-label={`${rule.reasonName} 启用`}
                checked={draft[rule.reason]?.enabled ?? false}
                onChange={(enabled) => edit(rule.reason, { enabled })}
              />
            ),
          },
          {
            title: '操作',
            key: 'save',
            width: 100,
            render: (_value, rule) => (
              <Button
                type="primary"
                size="small"
                disabled={!changed(rule)}
                loading={saving === rule.reason}
                onClick={() => void save(rule)}
              >
                保存
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
