import { Button, Input, Modal, Progress, Space, Tooltip, message } from 'antd';
import { LIMITS } from '@minqing/shared';
import type { UploadResponse } from '@minqing/shared';
import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import { useRef, useState } from 'react';
import { fetchMedia } from '../api';
import { uploadImage } from './contentApi';

export interface EditorToolbarProps {
  editor: Editor;
  /** Notices have pictures; articles do not (the server keeps none for them). */
  withImages: boolean;
  /** Injected in tests; the upload route and the authenticated image fetch otherwise. */
  upload?: (file: File, onProgress: (percent: number) => void) => Promise<UploadResponse>;
  loadImage?: (url: string) => Promise<string>;
}

const HTTP_URL = /^https?:\/\/[^\s（）()【】]+$/;

export function imageCount(editor: Editor): number {
  let count = 0;
  editor.state.doc.descendants((node) => {
    if (node.type.name === 'image') count += 1;
  });
  return count;
}

/** 小标题, 加粗, lists, 链接 and 图片; each button shows whether it applies where the cursor is. */
export function EditorToolbar({
  editor,
  withImages,
  upload = uploadImage,
  loadImage = fetchMedia,
}: EditorToolbarProps) {
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState('');
  const [linkError, setLinkError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // Re-render on every selection or content change, so the buttons show what applies at the cursor.
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      heading: current.isActive('heading'),
      bold: current.isActive('bold'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      link: current.isActive('link'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const toggle = (active: boolean) => (active ? 'primary' : 'default');

  function openLink() {
    setHref(String(editor.getAttributes('link').href ?? ''));
    setLinkError(null);
    setLinkOpen(true);
  }

  function applyLink() {
    const value = href.trim();
    const chain = editor.chain().focus().extendMarkRange('link');
    if (!value) {
      chain.unsetLink().run();
      setLinkOpen(false);
      return;
    }
    if (!HTTP_URL.test(value)) {
      setLinkError('请填写以 http:// 或 https:// 开头的网址');
      return;
    }
    // With nothing selected the address itself becomes the link text.
    if (editor.state.selection.empty && !editor.isActive('link'))
      chain.insertContent({ type: 'text', text: value, marks: [{ type: 'link', attrs: { href: value } }] }).run();
    else chain.setLink({ href: value }).run();
    setLinkOpen(false);
  }

  async function addImage(file: File) {
    if (imageCount(editor) >= LIMITS.reportPhotosMax) {
      message.warning(`最多${LIMITS.reportPhotosMax}张图片`);
      return;
    }
    setProgress(0);
    try {
      const uploaded = await upload(file, setProgress);
      const src = await loadImage(uploaded.url);
      // Citizens see the pictures after the text, so they are placed there in the editor too.
      editor
        .chain()
        .insertContentAt(editor.state.doc.content.size, { type: 'image', attrs: { src, uploadId: uploaded.id } })
        .run();
    } catch (error) {
      message.error(error instanceof Error ? error.message : '图片上传失败');
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="content-toolbar">
      <Space wrap size={4}>
        <Button
          size="small"
          type={toggle(state.heading)}
          onClick={() => editor.chain().focus().toggleHeading({ level: 2 }).run()}
        >
          小标题
        </Button>
        <Button size="small" type={toggle(state.bold)} onClick={() => editor.chain().focus().toggleBold().run()}>
          加粗
        </Button>
        <Button
          size="small"
          type={toggle(state.bulletList)}
          onClick={() => editor.chain().focus().toggleBulletList().run()}
        >
          项目列表
        </Button>
        <Button
          size="small"
          type={toggle(state.orderedList)}
          onClick={() => editor.chain().focus().toggleOrderedList().run()}
        >
          编号列表
        </Button>
        <Tooltip title="群众看到的是文字后面括号里的网址">
          <Button size="small" type={toggle(state.link)} onClick={openLink}>
            链接
          </Button>
        </Tooltip>
        {withImages && (
          <Tooltip title="图片显示在正文之后（JPG/PNG/WebP，不超过10MB）">
            <Button size="small" loading={progress !== null} onClick={() => fileInput.current?.click()}>
              图片
            </Button>
          </Tooltip>
        )}
        <Button size="small" disabled={!state.canUndo} onClick={() => editor.chain().focus().undo().run()}>
          撤销
        </Button>
        <Button size="small" disabled={!state.canRedo} onClick={() => editor.chain().focus().redo().run()}>
          重做
        </Button>
        {progress !== null && (
          <Progress percent={progress} size="small" style={{ width: 160, margin: 0 }} aria-label="图片上传进度" />
        )}
      </Space>
      <input
        ref={fileInput}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        // `hidden` alone loses to the stylesheet's display rule for inputs; the button opens it.
        style={{ display: 'none' }}
        data-testid="image-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void addImage(file);
        }}
      />
      <Modal
        title="插入链接"
        open={linkOpen}
        okText="确定"
        cancelText="取消"
        onOk={applyLink}
        onCancel={() => setLinkOpen(false)}
        destroyOnHidden
      >
        <Input
          autoFocus
          placeholder="https://"
          value={href}
          status={linkError ? 'error' : undefined}
          onChange={(event) => setHref(event.target.value)}
          onPressEnter={applyLink}
        />
        {linkError && <div style={{ color: '#ff4d4f', marginTop: 4 }}>{linkError}</div>}
        <div style={{ color: '#888', marginTop: 8 }}>留空并确定即取消链接。</div>
      </Modal>
    </div>
  );
}
