import {
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Spin,
  Switch,
  Tag,
  TreeSelect,
  Typography,
  message,
} from 'antd';
import {
  ARTICLE_CATEGORIES,
  ARTICLE_CATEGORY_NAMES,
  LIMITS,
  NOTICE_CATEGORIES,
  NOTICE_CATEGORY_NAMES,
} from '@minqing/shared';
import type {
  ArticleInput,
  ContentFile,
  NoticeInput,
  PublicationAction,
  StaffArticle,
  StaffNotice,
} from '@minqing/shared';
import { uploadRoutes, urlOf } from '@minqing/shared';
import { EditorContent, useEditor } from '@tiptap/react';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { ApiError, fetchMedia } from '../api';
import { setLeaveGuard } from '../nav';
import { CitizenPreview } from './CitizenPreview';
import { ContentFiles } from './ContentFiles';
import { EditorToolbar } from './EditorToolbar';
import { contentApi } from './contentApi';
import type { StaffContent } from './contentApi';
import {
  articleFormValues,
  articlePatch,
  blankFormValues,
  buildArticleInput,
  buildNoticeInput,
  noticeFormValues,
  noticePatch,
} from './contentForm';
import type { ContentFormValues, FieldError } from './contentForm';
import { editorExtensions } from './editorExtensions';
import { fromPlainContent, toPlainContent } from './plainText';
import type { JSONContent } from '@tiptap/react';
import { KIND_NAMES, PUBLICATION_STATUS_COLORS, PUBLICATION_STATUS_NAMES } from './publicationStatus';
import type { ContentKind, ScopeOption } from './scopeOptions';
import './content.css';

export interface ContentEditorProps {
  kind: ContentKind;
  /** Null for a new notice or article. */
  id: string | null;
  /** Where the signed-in staff member may publish (scopeOptions.ts). */
  scopeOptions: ScopeOption[];
  defaultRegionCode: string;
  regionName: (code: string) => string;
  /** After the first save: the editor is reopened on the saved item. */
  onCreated: (id: string) => void;
  onBack: () => void;
}

const LEAVE_WARNING = '有未保存的修改，离开后将丢失。确定离开吗？';
/** Form fields by the name the server and the shared schema use. */
const FORM_FIELD: Record<string, keyof ContentFormValues> = { expiresAt: 'expiresOn' };

function imageSources(doc: JSONContent): string[] {
  return (doc.content ?? []).filter((node) => node.type === 'image').map((node) => String(node.attrs?.src ?? ''));
}

/** Everything that is saved, in one string: the editor has unsaved changes when it differs from the last save. */
function snapshotOf(kind: ContentKind, values: ContentFormValues, doc: JSONContent): string {
  const plain = toPlainContent(doc);
  const built = kind === 'notice' ? buildNoticeInput(values, plain) : buildArticleInput(values, plain);
  return JSON.stringify(
    built.ok ? built.request : { values: { ...values, expiresOn: values.expiresOn?.valueOf() }, plain },
  );
}

/**
 * A draft not saved yet: the page opens the editor only to accounts that publish this kind
 * (ContentPage), and saving creates it in their own region. Once saved, the server says.
 */
const NEW_DRAFT_ACTIONS: readonly PublicationAction[] = ['edit', 'publish'];

/** 编辑公告 / 编辑文章: fields, the rich-text body, attachments, preview, save, publish and withdraw. */
export function ContentEditor({
  kind,
  id,
  scopeOptions,
  defaultRegionCode,
  regionName,
  onCreated,
  onBack,
}: ContentEditorProps) {
  const [form] = Form.useForm<ContentFormValues>();
  const [saved, setSaved] = useState<StaffContent | null>(null);
  const [files, setFiles] = useState<ContentFile[]>([]);
  const [loading, setLoading] = useState(id !== null);
  const [busy, setBusy] = useState(false);
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [preview, setPreview] = useState(false);
  const [, setVersion] = useState(0);
  const baseline = useRef<string | null>(null);
  const rerender = () => setVersion((version) => version + 1);

  const editor = useEditor({
    extensions: editorExtensions(kind === 'notice'),
    content: fromPlainContent(''),
    onUpdate: () => {
      setBodyError(null);
      rerender();
    },
  });

  const values = (): ContentFormValues => form.getFieldsValue(true) as ContentFormValues;
  const currentSnapshot = () => (editor ? snapshotOf(kind, values(), editor.getJSON()) : '');
  const isDirty = () => baseline.current !== null && currentSnapshot() !== baseline.current;

  useEffect(() => {
    if (!editor) return;
    let alive = true;
    async function load() {
      if (!editor) return;
      if (id === null) {
        form.setFieldsValue(blankFormValues(defaultRegionCode));
        baseline.current = currentSnapshot();
        return;
      }
      try {
        const item = await contentApi.get(kind, id);
        const ids = kind === 'notice' ? (item as StaffNotice).imageUploadIds : [];
        const sources = await Promise.all(
          ids.map((uploadId) =>
            fetchMedia(`/api/v1${urlOf(uploadRoutes.content, { params: { id: uploadId } })}`).catch(() => ''),
          ),
        );
        const attached = await contentApi.files(kind, id).catch(() => []);
        if (!alive) return;
        form.setFieldsValue(
          kind === 'notice' ? noticeFormValues(item as StaffNotice) : articleFormValues(item as StaffArticle),
        );
        editor.commands.setContent(
          fromPlainContent(
            item.body,
            ids.map((uploadId, index) => ({ uploadId, src: sources[index] })),
          ),
          { emitUpdate: false },
        );
        setSaved(item);
        setFiles(attached);
        baseline.current = currentSnapshot();
      } catch (error) {
        message.error(error instanceof Error ? error.message : '加载失败');
      } finally {
        if (alive) setLoading(false);
      }
    }
    void load();
    return () => {
      alive = false;
    };
    // Loaded once per item; the editor instance is stable.
  }, [editor, id, kind]);

  // Leaving through the menu or closing the tab with unsaved changes asks first.
  useEffect(() => {
    const removeGuard = setLeaveGuard(() => (isDirty() ? LEAVE_WARNING : null));
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!isDirty()) return;
      event.preventDefault();
      event.returnValue = LEAVE_WARNING;
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      removeGuard();
      window.removeEventListener('beforeunload', beforeUnload);
    };
  });

  function showErrors(errors: FieldError[]) {
    const body = errors.find((error) => error.field === 'body' || error.field === 'imageUploadIds');
    setBodyError(body?.message ?? null);
    form.setFields(
      errors
        .filter((error) => error !== body)
        .map((error) => ({
          name: FORM_FIELD[error.field] ?? (error.field as keyof ContentFormValues),
          errors: [error.message],
        })),
    );
  }

  function showFailure(error: unknown) {
    if (error instanceof ApiError && error.field) showErrors([{ field: error.field, message: error.message }]);
    message.error(error instanceof Error ? error.message : '操作失败');
  }

  /** Saves what is on screen; returns the saved item, or null when the form or the server refused. */
  async function save(): Promise<StaffContent | null> {
    if (!editor) return null;
    const formValues = values();
    const plain = toPlainContent(editor.getJSON());
    const built = kind === 'notice' ? buildNoticeInput(formValues, plain) : buildArticleInput(formValues, plain);
    if (!built.ok) {
      showErrors(built.errors);
      return null;
    }
    const snapshot = currentSnapshot();
    let result: StaffContent;
    if (!saved) {
      result = await contentApi.create(kind, built.request);
    } else {
      const patch =
        kind === 'notice'
          ? noticePatch(saved as StaffNotice, built.request as NoticeInput)
          : articlePatch(saved as StaffArticle, built.request as ArticleInput);
      if (Object.keys(patch).length === 0) return saved;
      result = await contentApi.patch(kind, saved.id, patch);
    }
    baseline.current = snapshot;
    setSaved(result);
    return result;
  }

  async function run(action: () => Promise<StaffContent | null>, done: string) {
    setBusy(true);
    try {
      const result = await action();
      if (!result) return;
      message.success(done);
      if (id === null) onCreated(result.id);
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const publish = () =>
    run(async () => {
      const current = await save();
      return current ? contentApi.publish(kind, current.id).then((result) => (setSaved(result), result)) : null;
    }, '已发布，群众现在可以看到');
  const withdraw = () =>
    run(
      async () => (saved ? contentApi.withdraw(kind, saved.id).then((result) => (setSaved(result), result)) : null),
      '已撤回，群众不再看到',
    );

  function back() {
    if (isDirty()) Modal.confirm({ title: LEAVE_WARNING, okText: '离开', cancelText: '继续编辑', onOk: onBack });
    else onBack();
  }

  if (!editor || loading) return <Spin style={{ display: 'block', margin: 48 }} />;

  const dirty = isDirty();
  const status = saved?.status ?? 'draft';
  const allowed = saved?.allowedActions ?? NEW_DRAFT_ACTIONS;
  const formValues = values();
  const categories: { value: string; label: string }[] =
    kind === 'notice'
      ? NOTICE_CATEGORIES.map((code) => ({ value: code, label: NOTICE_CATEGORY_NAMES[code] }))
      : ARTICLE_CATEGORIES.map((code) => ({ value: code, label: ARTICLE_CATEGORY_NAMES[code] }));

  return (
    <div>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Button onClick={back}>返回列表</Button>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {saved ? `编辑${KIND_NAMES[kind]}` : `新建${KIND_NAMES[kind]}`}
          </Typography.Title>
          <Tag color={PUBLICATION_STATUS_COLORS[status]}>{PUBLICATION_STATUS_NAMES[status]}</Tag>
          {saved && <Typography.Text type="secondary">阅读 {saved.readCount}</Typography.Text>}
          {dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
        </Space>
        <Space>
          <Button onClick={() => setPreview(true)}>预览</Button>
          <Button
            loading={busy}
            disabled={!allowed.includes('edit') || (!dirty && saved !== null)}
            onClick={() => void run(save, '已保存')}
          >
            {status === 'published' ? '保存修改' : '保存草稿'}
          </Button>
          {allowed.includes('withdraw') && (
            <Popconfirm
              title={`撤回后群众将看不到这条${KIND_NAMES[kind]}，确定撤回？`}
              okText="撤回"
              cancelText="取消"
              onConfirm={withdraw}
            >
              <Button danger loading={busy}>
                撤回
              </Button>
            </Popconfirm>
          )}
          {allowed.includes('publish') && (
            <Popconfirm
              title={`发布后，${regionName(formValues.regionCode ?? '')}范围内的群众即可看到${dirty ? '（将先保存修改）' : ''}。确定发布？`}
              okText="发布"
              cancelText="取消"
              onConfirm={publish}
            >
              <Button type="primary" loading={busy}>
                发布
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
      <Form form={form} layout="vertical" onValuesChange={rerender} requiredMark>
        <Form.Item name="title" label="标题" required>
          <Input maxLength={LIMITS.noticeTitleMax} showCount placeholder="请填写标题" />
        </Form.Item>
        <Space size="large" wrap align="start">
          <Form.Item name="category" label="栏目" required>
            <Select style={{ width: 160 }} placeholder="请选择栏目" options={categories} />
          </Form.Item>
          <Form.Item name="regionCode" label="发布范围" required tooltip="只能发布到您负责的区域">
            <TreeSelect
              style={{ width: 280 }}
              treeData={scopeOptions}
              treeDefaultExpandAll
              placeholder="请选择发布范围"
            />
          </Form.Item>
          {kind === 'notice' && (
            <>
              <Form.Item name="pinned" label="置顶" valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item name="expiresOn" label="到期日期" tooltip="到期日结束后群众不再看到；不填则一直显示">
                <DatePicker allowClear placeholder="长期有效" disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
              </Form.Item>
            </>
          )}
        </Space>
        {kind === 'article' && (
          <Form.Item name="summary" label="摘要">
            <Input.TextArea
              maxLength={200}
              showCount
              autoSize={{ minRows: 2, maxRows: 4 }}
              placeholder="列表中显示的简短介绍（可不填）"
            />
          </Form.Item>
        )}
        <Form.Item
          label="正文"
          required
          validateStatus={bodyError ? 'error' : undefined}
          help={
            bodyError ??
            '群众看到的是纯文字：小标题和加粗显示为【】，列表前有 • 或序号，链接显示为网址。点“预览”查看效果。'
          }
        >
          <div className={`content-editor-box${bodyError ? ' has-error' : ''}`}>
            <EditorToolbar editor={editor} withImages={kind === 'notice'} />
            <EditorContent editor={editor} />
          </div>
        </Form.Item>
        <Form.Item label="附件">
          <ContentFiles kind={kind} contentId={saved?.id ?? null} files={files} onChange={setFiles} />
        </Form.Item>
      </Form>
      <Modal title="预览：群众看到的样子" open={preview} footer={null} onCancel={() => setPreview(false)} width={520}>
        <CitizenPreview
          content={{
            kind,
            title: (formValues.title ?? '').trim(),
            body: toPlainContent(editor.getJSON()).body,
            category: formValues.category,
            regionName: regionName(formValues.regionCode ?? ''),
            pinned: formValues.pinned,
            summary: formValues.summary?.trim(),
            publishedAt: saved?.publishedAt ?? null,
            readCount: saved?.readCount ?? 0,
            images: imageSources(editor.getJSON()),
            files,
          }}
        />
      </Modal>
    </div>
  );
}
