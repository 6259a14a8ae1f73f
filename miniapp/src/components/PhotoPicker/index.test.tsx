import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { taroMock } from '../../../test/mocks/taro';
import { ApiError } from '../../services/apiError';
import PhotoPicker, { type PhotoItem } from '.';
import { addPhotoPaths } from './photos';
import { usePhotoUploads } from './usePhotoUploads';

function Harness({
  initial = [],
  statuses = {},
  onRetry,
}: {
  initial?: string[];
  statuses?: Record<string, Partial<PhotoItem>>;
  onRetry?: (path: string) => void;
}) {
  const [paths, setPaths] = useState(initial);
  return (
    <PhotoPicker
      photos={paths.map((path) => ({ path, ...statuses[path] }))}
      onAdd={(added) => setPaths((current) => [...current, ...added])}
      onRemove={(path) => setPaths((current) => current.filter((item) => item !== path))}
      onRetry={onRetry}
    />
  );
}

const chosen = (...paths: string[]) => ({
  tempFiles: paths.map((tempFilePath) => ({ tempFilePath, size: 200_000, fileType: 'image' })),
});
const many = (from: number, count: number) =>
  Array.from({ length: count }, (_unused, index) => `tmp/p${from + index}.jpg`);

describe('PhotoPicker', () => {
  it('takes compressed photos from the camera or the album', async () => {
    taroMock.chooseMedia.mockResolvedValueOnce(chosen('tmp/a.jpg', 'tmp/b.jpg'));
    render(<Harness />);
    expect(screen.getByText('已放 0 张，还可以放 9 张')).toBeInTheDocument();
    fireEvent.click(screen.getByText('📷 拍照'));
    await waitFor(() => expect(screen.getAllByTestId('photo')).toHaveLength(2));
    expect(taroMock.chooseMedia).toHaveBeenCalledWith(
      expect.objectContaining({ count: 9, mediaType: ['image'], sourceType: ['camera'], sizeType: ['compressed'] }),
    );
    expect(screen.getByText('已放 2 张，还可以放 7 张')).toBeInTheDocument();

    taroMock.chooseMedia.mockResolvedValueOnce(chosen('tmp/c.jpg'));
    fireEvent.click(screen.getByText('🖼 从相册选'));
    await waitFor(() => expect(screen.getAllByTestId('photo')).toHaveLength(3));
    expect(taroMock.chooseMedia).toHaveBeenLastCalledWith(expect.objectContaining({ count: 7, sourceType: ['album'] }));
  });

  it('holds at most 9: extra photos are left out with a message, and the buttons go away when full', async () => {
    taroMock.chooseMedia.mockResolvedValueOnce(chosen(...many(0, 4)));
    render(<Harness initial={many(100, 7)} />);
    fireEvent.click(screen.getByText('🖼 从相册选'));
    await waitFor(() => expect(screen.getAllByTestId('photo')).toHaveLength(9));
    expect(screen.getByText('最多只能放9张照片，多出的2张没有放进来')).toBeInTheDocument();
    expect(screen.getByText('已放满 9 张')).toBeInTheDocument();
    expect(screen.queryByText('📷 拍照')).not.toBeInTheDocument();
    expect(screen.queryByText('🖼 从相册选')).not.toBeInTheDocument();
  });

  it('a cancelled choice changes nothing and says nothing', async () => {
    taroMock.chooseMedia.mockRejectedValueOnce({ errMsg: 'chooseMedia:fail cancel' });
    render(<Harness />);
    fireEvent.click(screen.getByText('📷 拍照'));
    await waitFor(() => expect(taroMock.chooseMedia).toHaveBeenCalled());
    expect(screen.queryByTestId('photo')).not.toBeInTheDocument();
    expect(screen.queryByText(/打不开/)).not.toBeInTheDocument();
  });

  it('shows each photo’s own progress, and a retry button on the one that failed', () => {
    const onRetry = jest.fn();
    render(
      <Harness
        initial={['tmp/a.jpg', 'tmp/b.jpg', 'tmp/c.jpg']}
        statuses={{
          'tmp/a.jpg': { status: 'done', percent: 100 },
          'tmp/b.jpg': { status: 'uploading', percent: 40 },
          'tmp/c.jpg': { status: 'failed', error: '网络不给力，请稍后再试' },
        }}
        onRetry={onRetry}
      />,
    );
    const [first, second, third] = screen.getAllByTestId('photo');
    expect(first).toHaveTextContent('✓');
    expect(second).toHaveTextContent('上传中 40%');
    expect(third).toHaveTextContent('上传失败');
    expect(third).toHaveTextContent('网络不给力，请稍后再试');
    expect(screen.getAllByText('重试')).toHaveLength(1);
    fireEvent.click(screen.getByText('重试'));
    expect(onRetry).toHaveBeenCalledWith('tmp/c.jpg');
  });

  it('removes a photo after asking, and enlarges one on tap', async () => {
    render(<Harness initial={['tmp/a.jpg', 'tmp/b.jpg']} />);
    fireEvent.click(screen.getAllByTestId('photo')[1].querySelector('img') as HTMLElement);
    expect(taroMock.previewImage).toHaveBeenCalledWith({ urls: ['tmp/a.jpg', 'tmp/b.jpg'], current: 'tmp/b.jpg' });

    fireEvent.click(screen.getByRole('button', { name: '删除第1张照片' }));
    await waitFor(() => expect(screen.getAllByTestId('photo')).toHaveLength(1));
    expect(screen.getByText('已放 1 张，还可以放 8 张')).toBeInTheDocument();
  });
});

describe('addPhotoPaths', () => {
  it('skips repeats and stops at the limit', () => {
    expect(addPhotoPaths(['a'], ['a', 'b', 'c'], 2)).toEqual({ paths: ['a', 'b'], dropped: 1 });
  });
});

describe('usePhotoUploads', () => {
  it('uploads each photo with its own progress, retries a failed one and lists the ids', async () => {
    const progress: Record<string, (percent: number) => void> = {};
    const settle: Record<string, { resolve: (value: { id: string }) => void; reject: (error: unknown) => void }> = {};
    const upload = jest.fn(
      (path: string, onProgress: (percent: number) => void) =>
        new Promise<{ id: string }>((resolve, reject) => {
          progress[path] = onProgress;
          settle[path] = { resolve, reject };
        }),
    );
    const { result } = renderHook(() => usePhotoUploads(upload));
    act(() => result.current.add(['tmp/a.jpg', 'tmp/b.jpg']));
    expect(result.current.uploading).toBe(true);

    act(() => progress['tmp/a.jpg'](60));
    expect(result.current.photos[0]).toMatchObject({ status: 'uploading', percent: 60 });
    await act(async () => settle['tmp/a.jpg'].resolve({ id: 'UPLOAD-A' }));
    await act(async () => settle['tmp/b.jpg'].reject(new ApiError('network', '网络不给力，请稍后再试', 0)));
    expect(result.current.photos.map((photo) => photo.status)).toEqual(['done', 'failed']);
    expect(result.current.photos[1].error).toBe('网络不给力，请稍后再试');
    expect(result.current.failed).toBe(true);
    expect(result.current.uploadIds).toEqual(['UPLOAD-A']);

    act(() => result.current.retry('tmp/b.jpg'));
    expect(upload).toHaveBeenCalledTimes(3);
    await act(async () => settle['tmp/b.jpg'].resolve({ id: 'UPLOAD-B' }));
    expect(result.current.uploadIds).toEqual(['UPLOAD-A', 'UPLOAD-B']);
    expect(result.current.failed).toBe(false);
  });
});
