import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ContentFile } from '@minqing/shared';
import { taroMock } from '../../../../test/mocks/taro';
import { resetStores, serveApi, settle, signIn } from '../../../pages/home/__tests__/fakeApi';
import ContentFiles, { sizeLabel } from '../index';

const form: ContentFile = {
  id: '01JFILE0000000000000000001',
  fileName: '2026年耕地地力保护补贴申请表.docx',
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  size: 48_213,
  url: '/api/v1/content-files/01JFILE0000000000000000001/content',
  createdAt: '2026-11-20T02:00:00.000Z',
};

describe('附件 under a notice', () => {
  beforeEach(() => {
    resetStores();
    signIn();
  });
  afterEach(() => settle());

  it('lists the files with type and size, and opens one with the token', async () => {
    const calls = serveApi({ 'GET /notices/N1/files': () => [form] });
    taroMock.downloadFile.mockResolvedValue({ statusCode: 200, tempFilePath: 'blob:form' });
    const opened = jest.spyOn(window, 'open').mockImplementation(() => null);
    render(<ContentFiles kind="notices" id="N1" />);
    const item = await screen.findByRole('button', { name: `打开附件 ${form.fileName}` });
    expect(item).toHaveTextContent('Word');
    expect(item).toHaveTextContent('47 KB');
    expect(calls.map((call) => call.path)).toEqual(['/notices/N1/files']);
    fireEvent.click(item);
    await waitFor(() => expect(opened).toHaveBeenCalledWith('blob:form', '_blank'));
    expect(taroMock.downloadFile).toHaveBeenCalledWith(
      expect.objectContaining({
        url: expect.stringContaining(form.url.replace('/api/v1', '')),
        header: { Authorization: 'Bearer test-token' },
      }),
    );
    opened.mockRestore();
  });

  it('shows nothing when there are no files, and a clear message when one cannot be opened', async () => {
    serveApi({
      'GET /articles/A1/files': () => [],
      'GET /notices/N2/files': () => [{ ...form, id: 'F2', url: '/api/v1/content-files/F2/content' }],
    });
    const { container } = render(<ContentFiles kind="articles" id="A1" />);
    await settle();
    expect(container).toBeEmptyDOMElement();
    taroMock.downloadFile.mockResolvedValue({ statusCode: 404, tempFilePath: '' });
    render(<ContentFiles kind="notices" id="N2" />);
    fireEvent.click(await screen.findByRole('button', { name: /打开附件/ }));
    await waitFor(() =>
      expect(taroMock.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '附件暂时打不开，请稍后再试' })),
    );
  });

  it('writes sizes the way people read them', () => {
    expect(sizeLabel(300)).toBe('1 KB');
    expect(sizeLabel(2.5 * 1024 * 1024)).toBe('2.5 MB');
  });
});
