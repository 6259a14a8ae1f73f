import { Button, List, Popconfirm, Progress, Space, Typography, message } from 'antd';
import { CONTENT_FILES_MAX } from '@minqing/shared';
import type { ContentFile } from '@minqing/shared';
import { useRef, useState } from 'react';
import { fetchMedia } from '../api';
import { formatKb } from './CitizenPreview';
import { contentApi, uploadFile } from './contentApi';
import type { ContentKind } from './scopeOptions';

export interface ContentFilesProps {
  kind: ContentKind;
  /** Null until the draft is saved: files belong to a saved notice or article. */
  contentId: string | null;
  files: ContentFile[];
  onChange: (files: ContentFile[]) => void;
}

const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx';

/** 附件: PDF, Word and Excel files citizens can download; each upload and removal takes effect at once. */
export function ContentFiles({ kind, contentId, files, onChange }: ContentFilesProps) {
  const [progress, setProgress] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function add(file: File) {
    if (!contentId) return;
    setProgress(0);
    try {
      const stored = await uploadFile(kind, contentId, file, setProgress);
      onChange([...files, stored]);
      message.success(`已添加附件：${stored.fileName}`);
    } catch (error) {
      message.error(error instanceof Error ? error.message : '附件上传失败');
    } finally {
      setProgress(null);
    }
  }

  async function remove(file: ContentFile) {
    if (!contentId) return;
    try {
      await contentApi.removeFile(kind, contentId, file.id);
      onChange(files.filter((item) => item.id !== file.id));
    } catch (error) {
      message.error(error instanceof Error ? error.message : '删除失败');
    }
  }

  async function open(file: ContentFile) {
    try {
      window.open(await fetchMedia(file.url), '_blank', 'noopener');
    } catch (error) {
      message.error(error instanceof Error ? error.message : '附件打开失败');
    }
  }

  if (!contentId) return <Typography.Text type="secondary">保存草稿后可添加附件（PDF、Word、Excel）。</Typography.Text>;
  return (
    <div>
      <Space>
        <Button
          loading={progress !== null}
          disabled={files.length >= CONTENT_FILES_MAX}
          onClick={() => input.current?.click()}
        >
          添加附件
        </Button>
        <Typography.Text type="secondary">
          PDF、Word、Excel，每个不超过10MB，最多{CONTENT_FILES_MAX}个；添加和删除立即生效。
        </Typography.Text>
        {progress !== null && (
          <Progress percent={progress} size="small" style={{ width: 160, margin: 0 }} aria-label="附件上传进度" />
        )}
      </Space>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        // `hidden` alone loses to the stylesheet's display rule for inputs; 添加附件 opens it.
        style={{ display: 'none' }}
        aria-label="选择附件文件"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void add(file);
        }}
      />
      {files.length > 0 && (
        <List
          size="small"
          dataSource={files}
          renderItem={(file) => (
            <List.Item
              actions={[
                <Button key="open" type="link" size="small" onClick={() => void open(file)}>
                  查看
                </Button>,
                <Popconfirm
                  key="remove"
                  title={`删除附件“${file.fileName}”？`}
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() => remove(file)}
                >
                  <Button type="link" size="small" danger>
                    删除
                  </Button>
                </Popconfirm>,
              ]}
            >
              {file.fileName}（{formatKb(file.size)}）
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
