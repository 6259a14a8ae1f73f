import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Editor } from '@tiptap/react';
import { EditorToolbar } from './EditorToolbar';
import { editorExtensions } from './editorExtensions';
import { fromPlainContent, toPlainContent } from './plainText';

// ProseMirror scrolls the selection into view by measuring ranges, which jsdom does not lay out.
beforeAll(() => {
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => ({
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    right: 0,
    bottom: 0,
    width: 0,
    height: 0,
    toJSON: () => ({}),
  });
});

function setup(body: string, props: Partial<Parameters<typeof EditorToolbar>[0]> = {}) {
  const element = document.createElement('div');
  document.body.appendChild(element);
  const editor = new Editor({ element, extensions: editorExtensions(true), content: fromPlainContent(body) });
  render(<EditorToolbar editor={editor} withImages {...props} />);
  return editor;
}

/** Selects the whole first block's text. */
function selectFirstBlock(editor: Editor) {
  act(() => {
    editor.commands.setTextSelection({ from: 1, to: editor.state.doc.firstChild!.nodeSize - 1 });
  });
}

const body = (editor: Editor) => toPlainContent(editor.getJSON()).body;

describe('the editor toolbar', () => {
  it('makes a heading, bold text and lists that reach the body as citizens read them', () => {
    const editor = setup('办理须知\n带身份证');
    selectFirstBlock(editor);
    fireEvent.click(screen.getByRole('button', { name: '小标题' }));
    expect(body(editor)).toBe('【办理须知】\n带身份证');
    // The button shows it applies where the cursor is.
    expect(screen.getByRole('button', { name: '小标题' })).toHaveClass('ant-btn-primary');

    act(() => {
      editor.commands.setTextSelection({
        from: editor.state.doc.firstChild!.nodeSize + 1,
        to: editor.state.doc.content.size - 1,
      });
    });
    fireEvent.click(screen.getByRole('button', { name: '项目列表' }));
    expect(body(editor)).toBe('【办理须知】\n• 带身份证');
    fireEvent.click(screen.getByRole('button', { name: '编号列表' }));
    expect(body(editor)).toBe('【办理须知】\n1. 带身份证');
  });

  it('bolds the selection', () => {
    const editor = setup('请准时参加');
    act(() => {
      editor.commands.setTextSelection({ from: 2, to: 4 });
    });
    fireEvent.click(screen.getByRole('button', { name: /^加\s*粗$/ }));
    expect(body(editor)).toBe('请【准时】参加');
  });

  it('links the selection after checking the address', async () => {
    const editor = setup('县政府网站');
    selectFirstBlock(editor);
    fireEvent.click(screen.getByRole('button', { name: /^链\s*接$/ }));
    const input = await screen.findByPlaceholderText('https://');
    fireEvent.change(input, { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByRole('button', { name: /确\s*定/ }));
    expect(await screen.findByText('请填写以 http:// 或 https:// 开头的网址')).toBeInTheDocument();
    expect(body(editor)).toBe('县政府网站');
    fireEvent.change(input, { target: { value: 'https://www.hanyin.gov.cn' } });
    fireEvent.click(screen.getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(body(editor)).toBe('县政府网站（https://www.hanyin.gov.cn）'));
  });

  it('uploads a picture, showing progress, and puts it after the text', async () => {
    let finish: (value: { id: string; url: string }) => void = () => {};
    const upload = jest.fn((_file: File, onProgress: (percent: number) => void) => {
      onProgress(40);
      return new Promise<never>((resolve) => {
        finish = resolve as never;
      });
    });
    const loadImage = jest.fn().mockResolvedValue('blob:photo');
    const editor = setup('现场照片', { upload: upload as never, loadImage });
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'a.jpg', { type: 'image/jpeg' });
    fireEvent.change(screen.getByTestId('image-input'), { target: { files: [file] } });
    expect(await screen.findByLabelText('图片上传进度')).toBeInTheDocument();
    await act(async () => finish({ id: '01JPHOTO', url: '/api/v1/uploads/01JPHOTO/content' }));
    await waitFor(() =>
      expect(toPlainContent(editor.getJSON())).toEqual({ body: '现场照片', imageUploadIds: ['01JPHOTO'] }),
    );
    expect(loadImage).toHaveBeenCalledWith('/api/v1/uploads/01JPHOTO/content');
    expect(editor.getJSON().content?.find((node) => node.type === 'image')).toMatchObject({
      type: 'image',
      attrs: { src: 'blob:photo', uploadId: '01JPHOTO' },
    });
    expect(screen.queryByLabelText('图片上传进度')).not.toBeInTheDocument();
  });

  it('drops pasted pictures that were not uploaded, which citizens would never see', () => {
    const element = document.createElement('div');
    const editor = new Editor({
      element,
      extensions: editorExtensions(true),
      content: '<p>文字</p><img src="https://example.com/x.png"><img src="blob:y" data-upload-id="U1">',
    });
    expect(toPlainContent(editor.getJSON())).toEqual({ body: '文字', imageUploadIds: ['U1'] });
  });
});
