import { Select, Space, Spin, Typography } from 'antd';
import type { ReplyTemplate } from '@minqing/shared';
import { useState } from 'react';
import { fillTemplate } from '../templates/placeholders';
import type { TemplateReport } from '../templates/placeholders';
import { templatesApi } from '../templates/templatesApi';

export interface ReplyTemplatePickerProps {
  report: TemplateReport & { id: string };
  /** Gets the template's text with the report's facts filled in. */
  onInsert: (text: string) => void;
  /** Defaults to the real API; tests pass a fake. */
  load?: (reportId: string) => Promise<ReplyTemplate[]>;
}

type Loaded =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; templates: ReplyTemplate[] }
  | { state: 'failed'; message: string };

/** Groups for the list: templates of the report's category first, then the general ones. */
function optionGroups(templates: ReplyTemplate[]) {
  const option = (template: ReplyTemplate) => ({ value: template.id, label: template.title, title: template.body });
  const specific = templates.filter((template) => template.categoryCode !== null);
  const general = templates.filter((template) => template.categoryCode === null);
  return [
    ...(specific.length ? [{ label: '本类模板', options: specific.map(option) }] : []),
    ...(general.length ? [{ label: '通用模板', options: general.map(option) }] : []),
  ];
}

/**
 * 答复模板: a list of the templates for this report's place and category, fetched the first time
 * it opens; choosing one inserts it, placeholders filled, into the text being written.
 */
export function ReplyTemplatePicker({ report, onInsert, load = templatesApi.forReport }: ReplyTemplatePickerProps) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'idle' });

  function open(visible: boolean) {
    if (!visible || loaded.state === 'loading' || loaded.state === 'ready') return;
    setLoaded({ state: 'loading' });
    load(report.id).then(
      (templates) => setLoaded({ state: 'ready', templates }),
      (error: unknown) =>
        setLoaded({ state: 'failed', message: error instanceof Error ? error.message : '模板加载失败' }),
    );
  }

  function choose(id: string) {
    const template = loaded.state === 'ready' ? loaded.templates.find((candidate) => candidate.id === id) : undefined;
    if (template) onInsert(fillTemplate(template.body, report));
  }

  const empty =
    loaded.state === 'failed' ? (
      <Typography.Text type="danger">{loaded.message}</Typography.Text>
    ) : loaded.state === 'ready' ? (
      <Typography.Text type="secondary">暂无适用的答复模板</Typography.Text>
    ) : (
      <Spin size="small" />
    );

  return (
    <Space direction="vertical" size={2} style={{ width: '100%', marginBottom: 12 }}>
      <Select<string>
        aria-label="插入答复模板"
        placeholder="插入答复模板…"
        style={{ width: '100%' }}
        showSearch
        optionFilterProp="label"
        value={null}
        onOpenChange={open}
        onChange={choose}
        loading={loaded.state === 'loading'}
        notFoundContent={empty}
        options={loaded.state === 'ready' ? optionGroups(loaded.templates) : []}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        选中的模板接在已填文字后面，发送前可再修改。
      </Typography.Text>
    </Space>
  );
}
