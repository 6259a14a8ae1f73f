/** A report's photos and voice as staff see them: fetched with the staff token, tap a photo to enlarge. */
import { useEffect, useState } from 'react';
import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Attachment } from '@minqing/shared';
import { useAudioPlayer } from '../../../components/VoiceRecorder/useAudioPlayer';
import { formatSeconds } from '../../../components/VoiceRecorder/recorderMachine';
import { staffAttachmentPath } from '../services/staffApi';

function useStaffPaths(attachments: readonly Attachment[]): Record<string, string | false> {
  const key = attachments.map((attachment) => attachment.id).join(',');
  const [paths, setPaths] = useState<Record<string, string | false>>({});
  useEffect(() => {
    let alive = true;
    for (const attachment of attachments) {
      staffAttachmentPath(attachment.url)
        .then((path) => alive && setPaths((previous) => ({ ...previous, [attachment.id]: path })))
        .catch(() => alive && setPaths((previous) => ({ ...previous, [attachment.id]: false })));
    }
    return () => {
      alive = false;
    };
    // The list is identified by its ids.
  }, [key]);
  return paths;
}

export function StaffPhotos({ photos }: { photos: readonly Attachment[] }) {
  const paths = useStaffPaths(photos);
  if (photos.length === 0) return null;
  const urls = photos.flatMap((photo) => (typeof paths[photo.id] === 'string' ? [paths[photo.id] as string] : []));
  return (
    <View className="staff-report__photos">
      {photos.map((photo, index) => {
        const path = paths[photo.id];
        return typeof path === 'string' ? (
          <Image
            key={photo.id}
            className="staff-report__photo"
            src={path}
            mode="aspectFill"
            aria-label={`第${index + 1}张照片，点开看大图`}
            onClick={() => void Taro.previewImage({ urls, current: path }).catch(() => undefined)}
          />
        ) : (
          <View key={photo.id} className="staff-report__photo staff-report__photo--missing">
            <Text>{path === false ? '照片暂时看不了' : '加载中…'}</Text>
          </View>
        );
      })}
    </View>
  );
}

export function StaffVoice({ voice }: { voice: Attachment }) {
  const paths = useStaffPaths([voice]);
  const player = useAudioPlayer();
  const path = paths[voice.id];
  const playing = typeof path === 'string' && player.playing === path;
  return (
    <Button
      className="staff-report__voice"
      disabled={typeof path !== 'string' || undefined}
      onClick={() => typeof path === 'string' && player.toggle(path)}
    >
      {path === false
        ? '语音暂时听不了'
        : typeof path !== 'string'
          ? '语音加载中…'
          : `${playing ? '■ 停止' : '▶ 听语音'} ${formatSeconds((voice.durationSeconds ?? 0) * 1000)}`}
    </Button>
  );
}
