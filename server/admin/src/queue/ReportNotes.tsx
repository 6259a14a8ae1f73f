import { Alert, Button, Empty, Input, List, Space, Spin, Typography } from 'antd';
import { LIMITS, ReportNoteInputSchema } from '@minqing/shared';
import type { ReportNote } from '@minqing/shared';
import { useEffect, useState } from 'react';
import { formatTime } from './format';
import { notesApi } from './notesApi';

export interface ReportNotesProps {
  reportId: string;
  /** Default to the real API; tests pass fakes. */
  load?: (reportId: string) => Promise<ReportNote[]>;
  add?: (reportId: string, body: string) => Promise<ReportNote>;
}

/** 内部备注: what colleagues tell each other about a report; the citizen never sees these. */
export function ReportNotes({ reportId, load = notesApi.list, add = notesApi.add }: ReportNotesProps) {
  const [notes, setNotes] = useState<ReportNote[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let current = true;
    setNotes(null);
    setLoadError(null);
    load(reportId).then(
      (loaded) => current && setNotes(loaded),
      (error: unknown) => current && setLoadError(error instanceof Error ? error.message : '备注加载失败'),
    );
    return () => {
      current = false;
    };
  }, [reportId, load]);

  async function save() {
    const checked = ReportNoteInputSchema.safeParse({ body: draft });
    setDraftError(checked.success ? null : (checked.error.issues[0]?.message ?? '请填写备注内容'));
    if (!checked.success) return;
    setSaving(true);
    try {
      const note = await add(reportId, checked.data.body);
      setNotes((current) => [...(current ?? []), note]);
      setDraft('');
    } catch (error) {
      setDraftError(error instanceof Error ? error.message : '备注保存失败');
    } finally {
      setSaving(false);
    }
  }

  return (
    <div>
      <Typography.Title level={5}>
        内部备注{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
          仅工作人员可见，群众看不到
        </Typography.Text>
      </Typography.Title>
      {loadError && <Alert type="error" showIcon message={loadError} />}
      {!notes && !loadError && <Spin size="small" />}
      {notes && notes.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无内部备注" />}
      {notes && notes.length > 0 && (
        <List
          size="small"
          dataSource={notes}
          renderItem={(note) => (
            <List.Item key={note.id}>
              <List.Item.Meta
                title={
                  <Space size="small">
                    <span>{note.author ? note.author.name : '已停用账号'}</span>
                    {note.author?.departmentName && (
                      <Typography.Text type="secondary">{note.author.departmentName}</Typography.Text>
                    )}
                    <Typography.Text type="secondary">{formatTime(note.createdAt)}</Typography.Text>
                  </Space>
                }
                description={<span style={{ whiteSpace: 'pre-wrap' }}>{note.body}</span>}
              />
            </List.Item>
          )}
        />
      )}
      <Space.Compact style={{ width: '100%', marginTop: 8 }}>
        <Input.TextArea
          aria-label="新备注"
          placeholder="写给同事的备注，如联系情况、现场情况"
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={LIMITS.noteMax}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          status={draftError ? 'error' : undefined}
        />
        <Button type="primary" loading={saving} onClick={save}>
          添加备注
        </Button>
      </Space.Compact>
      {draftError && <Typography.Text type="danger">{draftError}</Typography.Text>}
    </div>
  );
}
