/**
 * 关怀模式's 说一说 and 拍一拍: one thing to do and one big 发送. 说一说 is the hold-to-talk button;
 * 拍一拍 opens the camera at once. The village is the profile's (asked here only if it has none,
 * and then kept); nothing else is asked — the report goes to 民情直通.
 */
import { useEffect, useRef, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { LIMITS } from '@minqing/shared';
import BigButton from '../../../components/BigButton';
import { cannotOpenMessage, choosePhotos, isCancel } from '../../../components/PhotoPicker/choosePhotos';
import VillagePicker, { useVillageLabel } from '../../../components/VillagePicker';
import VoiceRecorder from '../../../components/VoiceRecorder';
import { hasContent, type ComposeForm, type FieldErrors, type VoiceValue } from './composeForm';

import './QuickCompose.scss';

export type QuickMode = 'voice' | 'photo';

export const isQuickMode = (value: unknown): value is QuickMode => value === 'voice' || value === 'photo';

export const SEND_LABEL = '发送';

const HOW: Record<QuickMode, { title: string; how: string }> = {
  voice: { title: '说一说', how: '按住下面的大按钮说话，说完松开，再点「发送」' },
  photo: { title: '拍一拍', how: '拍好照片后，点「发送」' },
};

export interface QuickComposeProps {
  mode: QuickMode;
  form: ComposeForm;
  errors: FieldErrors;
  sending: boolean;
  /** What the send button says while sending (正在上传（1/2）…). */
  sendingLine: string;
  banner: string | null;
  /** Said when the page reopened what was recorded or photographed last time and not sent. */
  restoredNote: string | null;
  onVoice(voice: VoiceValue | null): void;
  onAddPhotos(paths: string[]): void;
  onVillage(villageCode: string): void;
  onSend(): void;
}

export default function QuickCompose({
  mode,
  form,
  errors,
  sending,
  sendingLine,
  banner,
  restoredNote,
  onVoice,
  onAddPhotos,
  onVillage,
  onSend,
}: QuickComposeProps) {
  const [cameraNote, setCameraNote] = useState<string | null>(null);
  const villageName = useVillageLabel(form.villageCode);
  const room = LIMITS.reportPhotosMax - form.photos.length;

  const openCamera = async () => {
    if (sending || room <= 0) return;
    setCameraNote(null);
    try {
      const paths = await choosePhotos('camera', room);
      if (paths.length > 0) onAddPhotos(paths);
    } catch (failure) {
      if (!isCancel(failure)) setCameraNote(cannotOpenMessage('camera'));
    }
  };

  // 拍一拍 is the camera: it opens as the page does (once), and the big button opens it again.
  const opened = useRef(false);
  useEffect(() => {
    if (mode !== 'photo' || opened.current || form.photos.length > 0) return;
    opened.current = true;
    void openCamera();
    // Once, when the page opens.
  }, []);

  const firstProblem = errors.form ?? errors.photos ?? errors.text ?? errors.contactPhone ?? errors.categoryCode;
  return (
    <View className="quick-compose">
      <Text className="quick-compose__title">{HOW[mode].title}</Text>
      <Text className="quick-compose__how">{HOW[mode].how}</Text>
      {restoredNote ? <Text className="quick-compose__banner">{restoredNote}</Text> : null}

      {mode === 'voice' ? (
        <View className="quick-compose__main" id="field-voice">
          <VoiceRecorder
            value={form.voice}
            onChange={onVoice}
            maxSeconds={LIMITS.voiceSecondsDefault}
            error={errors.voice}
            disabled={sending}
            sendLabel={SEND_LABEL}
          />
        </View>
      ) : (
        <View className="quick-compose__main" id="field-photos">
          {form.photos.length > 0 ? (
            <View className="quick-compose__photos">
              {form.photos.map((path, index) => (
                <Image
                  key={path}
                  className="quick-compose__photo"
                  src={path}
                  mode="aspectFill"
                  aria-label={`第${index + 1}张照片`}
                />
              ))}
            </View>
          ) : null}
          {room > 0 ? (
            <BigButton
              icon="📷"
              label={form.photos.length > 0 ? '再拍一张' : '拍照'}
              hint={form.photos.length > 0 ? `已拍 ${form.photos.length} 张，还没有发出` : '打开相机'}
              variant="outline"
              disabled={sending}
              onClick={() => void openCamera()}
            />
          ) : null}
          {cameraNote ? <Text className="quick-compose__error">{cameraNote}</Text> : null}
          {errors.voice ? <Text className="quick-compose__error">{errors.voice}</Text> : null}
        </View>
      )}

      <View className="quick-compose__village" id="field-villageCode">
        {form.villageCode && !errors.villageCode ? (
          <Text className="quick-compose__where">反映到：{villageName ?? '您所在的村'}</Text>
        ) : (
          <>
            <Text className="quick-compose__where">您住在哪个村？选一次，以后不用再选</Text>
            <VillagePicker
              value={form.villageCode}
              onChange={onVillage}
              disabled={sending}
              error={errors.villageCode}
            />
          </>
        )}
      </View>

      {banner ? <Text className="quick-compose__banner">{banner}</Text> : null}
      {firstProblem ? <Text className="quick-compose__error">{firstProblem}</Text> : null}
      <BigButton
        icon="📤"
        label={sending ? sendingLine : SEND_LABEL}
        hint={hasContent(form) ? '发给工作人员' : mode === 'voice' ? '先按住上面的按钮说话' : '先拍一张照片'}
        size="huge"
        disabled={sending || !hasContent(form)}
        onClick={onSend}
      />
    </View>
  );
}
