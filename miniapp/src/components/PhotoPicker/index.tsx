/**
 * 拍一拍: up to 9 photos from the camera or the album (compressed), each thumbnail with its own
 * upload progress, a retry button when its upload failed, and a remove button. Tap to enlarge.
 * The page decides when photos upload (the report's draft queue, or usePhotoUploads) and passes the
 * state of each in `photos`.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Image, Progress, Text, View } from '@tarojs/components';
import { cannotOpenMessage, choosePhotos, isCancel, type PhotoSource } from './choosePhotos';
import { DEFAULT_MAX_PHOTOS, addPhotoPaths, photoStatusText, tooManyMessage, type PhotoItem } from './photos';

import './index.scss';

export interface PhotoPickerProps {
  photos: PhotoItem[];
  /** The paths after adding the chosen ones (already limited to `max`). */
  onAdd(paths: string[]): void;
  onRemove(path: string): void;
  /** Shown on a failed photo when given. */
  onRetry?(path: string): void;
  max?: number;
  disabled?: boolean;
  /** A message about the photos from the form or the server. */
  error?: string;
}

export default function PhotoPicker({
  photos,
  onAdd,
  onRemove,
  onRetry,
  max = DEFAULT_MAX_PHOTOS,
  disabled,
  error,
}: PhotoPickerProps) {
  const [choosing, setChoosing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const remaining = max - photos.length;
  const paths = photos.map((photo) => photo.path);

  const choose = async (source: PhotoSource) => {
    if (disabled || choosing) return;
    if (remaining <= 0) {
      setNotice(tooManyMessage(max));
      return;
    }
    setNotice(null);
    setChoosing(true);
    try {
      const chosen = await choosePhotos(source, remaining);
      const { paths: next, dropped } = addPhotoPaths(paths, chosen, max);
      if (dropped > 0) setNotice(`${tooManyMessage(max)}，多出的${dropped}张没有放进来`);
      if (next.length > paths.length) onAdd(next.slice(paths.length));
    } catch (failure) {
      if (!isCancel(failure)) setNotice(cannotOpenMessage(source));
    } finally {
      setChoosing(false);
    }
  };

  const preview = (path: string) => {
    void Taro.previewImage({ urls: paths, current: path }).catch(() => undefined);
  };

  const confirmRemove = async (path: string) => {
    const answer = await Taro.showModal({
      title: '删除照片',
      content: '确定不要这张照片了吗？',
      confirmText: '删除',
      cancelText: '保留',
    }).catch(() => ({
      confirm: false,
    }));
    if (answer.confirm) onRemove(path);
  };

  return (
    <View className="photo-picker">
      {photos.length > 0 ? (
        <View className="photo-picker__grid">
          {photos.map((photo, index) => (
            <View
              key={photo.path}
              className={`photo-picker__item photo-picker__item--${photo.status ?? 'local'}`}
              data-testid="photo"
            >
              <View className="photo-picker__thumb" onClick={() => preview(photo.path)}>
                <Image className="photo-picker__image" src={photo.path} mode="aspectFill" />
                {photo.status && photo.status !== 'done' ? (
                  <View className="photo-picker__overlay">
                    <Text className="photo-picker__status">{photoStatusText(photo)}</Text>
                    {photo.status === 'uploading' ? (
                      <Progress
                        className="photo-picker__progress"
                        percent={photo.percent ?? 0}
                        strokeWidth={6}
                        activeColor="#c8102e"
                      />
                    ) : null}
                  </View>
                ) : null}
                {photo.status === 'done' ? <Text className="photo-picker__done">✓</Text> : null}
              </View>
              {photo.status === 'failed' && onRetry ? (
                <Button
                  className="photo-picker__retry"
                  onClick={() => onRetry(photo.path)}
                  disabled={disabled || undefined}
                >
                  重试
                </Button>
              ) : (
                <Button
                  className="photo-picker__remove"
                  onClick={() => void confirmRemove(photo.path)}
                  disabled={disabled || photo.status === 'uploading' || undefined}
                  aria-label={`删除第${index + 1}张照片`}
                >
                  删除
                </Button>
              )}
              {photo.status === 'failed' && photo.error ? (
                <Text className="photo-picker__item-error">{photo.error}</Text>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}

      {remaining > 0 ? (
        <View className="photo-picker__actions">
          <Button
            className="photo-picker__choose photo-picker__choose--camera"
            onClick={() => void choose('camera')}
            disabled={disabled || choosing || undefined}
          >
            📷 拍照
          </Button>
          <Button
            className="photo-picker__choose"
            onClick={() => void choose('album')}
            disabled={disabled || choosing || undefined}
          >
            🖼 从相册选
          </Button>
        </View>
      ) : null}
      <Text className="photo-picker__count">
        {remaining > 0 ? `已放 ${photos.length} 张，还可以放 ${remaining} 张` : `已放满 ${max} 张`}
      </Text>
      {notice ? <Text className="photo-picker__notice">{notice}</Text> : null}
      {error ? <Text className="photo-picker__error">{error}</Text> : null}
    </View>
  );
}

export type { PhotoItem, PhotoStatus } from './photos';
