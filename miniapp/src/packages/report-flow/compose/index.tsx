/**
 * 我要反映: voice first, then text, photos, place and village; submitted through the draft queue,
 * which keeps the report on the phone (Idempotency-Key included) before anything is uploaded.
 *
 * Params: `service` (one of SERVICE_CODES), optional `draftId` (reopen a saved draft), optional
 * `mode` — `voice` or `photo`: in 关怀模式 the one-step 说一说 / 拍一拍 (QuickCompose).
 */
import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { LIMITS, SERVICE_NAMES } from '@minqing/shared';
import VoiceRecorder from '../../../components/VoiceRecorder';
import PhotoPicker from '../../../components/PhotoPicker';
import LocationPicker from '../../../components/LocationPicker';
import { withPageHeader } from '../../../components/PageHeader';
import VillagePicker from '../../../components/VillagePicker';
import { SAVED_OFFLINE_MESSAGE } from '../../../services/draftTypes';
import { useCareMode } from '../../../stores/careMode';
import { useUser } from '../../../stores/user';
import CategoryPicker from './CategoryPicker';
import ContactPhone from './ContactPhone';
import QuickCompose, { isQuickMode } from './QuickCompose';
import DeputyPicker from './DeputyPicker';
import SimilarReports from './SimilarReports';
import { allowsAnonymous, hasContent } from './composeForm';
import { useReportDraft } from './useReportDraft';

import './index.scss';

export const ANONYMOUS_LABEL = '匿名举报：工作人员看不到您的身份';
export const PUBLIC_LABEL = '公开到本村动态';
export const PUBLIC_HINT = '公开后，本村群众可以看到这件事的处理情况（不显示您的姓名和电话）';
export const RESTORED_NOTE = '已为您恢复上次没有提交的内容';

/** The page's layout; the report being written, saved and sent is `useReportDraft`'s. */
function ReportComposePage() {
  const care = useCareMode();
  const { user } = useUser();
  const { params } = useRouter();
  const draft = useReportDraft(params);
  const { form, errors, restored, banner, sending, sendingLine, voiceUpload, change } = draft;
  const serviceCode = form.serviceCode;
  const quickMode = care.enabled && isQuickMode(params.mode) ? params.mode : null;

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: SERVICE_NAMES[serviceCode] }).catch(() => undefined);
  }, [serviceCode]);

  if (quickMode) {
    return (
      <View className={`page compose ${care.className}`}>
        <QuickCompose
          mode={quickMode}
          form={form}
          errors={errors}
          sending={sending}
          sendingLine={sendingLine}
          banner={banner}
          restoredNote={restored ? RESTORED_NOTE : null}
          onVoice={(voice) => change({ voice }, ['voice'])}
          onAddPhotos={draft.addPhotos}
          onVillage={draft.chooseVillage}
          onSend={() => void draft.submit()}
        />
      </View>
    );
  }

  return (
    <View className={`page compose ${care.className}`}>
      <View className="compose__intro">
        <Text className="compose__service">{SERVICE_NAMES[serviceCode]}</Text>
        <Text className="compose__how">按住红色按钮说话，说完松开就行。也可以写字、拍照片。</Text>
      </View>

      {restored ? (
        <View className="compose__restored">
          <Text>{RESTORED_NOTE}</Text>
          <Button className="compose__link" onClick={() => void draft.clearAll()} disabled={sending || undefined}>
            清空重写
          </Button>
        </View>
      ) : null}

      <View className="compose__section" id="field-voice">
        <Text className="compose__label">说一说</Text>
        <VoiceRecorder
          value={form.voice}
          onChange={(voice) => change({ voice }, ['voice'])}
          maxSeconds={LIMITS.voiceSecondsDefault}
          error={errors.voice}
          disabled={sending}
        />
        {voiceUpload && voiceUpload.status !== 'done' && sending ? (
          <Text className="compose__file-progress">
            {voiceUpload.status === 'uploading'
              ? `语音上传中 ${Math.round(voiceUpload.percent ?? 0)}%`
              : '语音等待上传'}
          </Text>
        ) : null}
      </View>

      <View className="compose__section" id="field-text">
        <Text className="compose__label">写一写（可不填）</Text>
        <Textarea
          className="compose__textarea"
          value={form.text}
          maxlength={LIMITS.reportTextMax}
          placeholder="在这里写下您要反映的事情"
          disabled={sending || undefined}
          autoHeight
          onInput={(event) => change({ text: event.detail.value }, ['text'])}
        />
        <Text className="compose__counter">
          {form.text.length}/{LIMITS.reportTextMax}
        </Text>
        {errors.text ? <Text className="compose__error">{errors.text}</Text> : null}
      </View>

      {serviceCode === 'direct' && !form.anonymous ? (
        <SimilarReports
          villageCode={form.villageCode}
          text={[form.text, form.voice?.transcript ?? ''].join(' ')}
          disabled={sending}
          onFollowed={(followed) => void draft.afterFollowing(followed)}
        />
      ) : null}

      <View className="compose__section" id="field-photos">
        <Text className="compose__label">拍一拍（可不拍，最多{LIMITS.reportPhotosMax}张）</Text>
        <PhotoPicker
          photos={draft.photoItems}
          max={LIMITS.reportPhotosMax}
          onAdd={draft.addPhotos}
          onRemove={draft.removePhoto}
          onRetry={() => void draft.submit()}
          disabled={sending}
          error={errors.photos}
        />
      </View>

      <View className="compose__section" id="field-location">
        <Text className="compose__label">问题在哪里（可不填）</Text>
        <LocationPicker
          value={form.location}
          onChange={(location) => change({ location }, ['location'])}
          disabled={sending}
          error={errors.location}
        />
      </View>

      <View className="compose__section" id="field-villageCode">
        <Text className="compose__label">所在村（社区）</Text>
        <VillagePicker
          value={form.villageCode}
          onChange={draft.chooseVillage}
          disabled={sending}
          error={errors.villageCode}
        />
      </View>

      {form.anonymous ? null : (
        <View className="compose__section" id="field-contactPhone">
          <ContactPhone
            value={form.contactPhone}
            boundPhone={user?.phone ?? null}
            onChange={(contactPhone) => change({ contactPhone }, ['contactPhone'])}
            disabled={sending}
            error={errors.contactPhone}
          />
        </View>
      )}

      {allowsAnonymous(serviceCode) ? (
        <View className="compose__section" id="field-anonymous">
          {/* The whole row is the switch: a tap target far larger than the native one. */}
          <View
            className={`compose__switch${form.anonymous ? ' compose__switch--on' : ''}`}
            role="switch"
            aria-checked={form.anonymous}
            aria-label={ANONYMOUS_LABEL}
            onClick={() => !sending && draft.toggleAnonymous()}
          >
            <Text className="compose__switch-label">{ANONYMOUS_LABEL}</Text>
            <View className="compose__switch-track">
              <View className="compose__switch-knob" />
            </View>
          </View>
          {errors.anonymous ? <Text className="compose__error">{errors.anonymous}</Text> : null}
        </View>
      ) : errors.anonymous ? (
        <View className="compose__section" id="field-anonymous">
          <Text className="compose__error">{errors.anonymous}</Text>
        </View>
      ) : null}

      {serviceCode === 'direct' ? (
        <View className="compose__section" id="field-public">
          <View
            className={`compose__switch${form.public ? ' compose__switch--on' : ''}`}
            role="switch"
            aria-checked={form.public}
            aria-label={PUBLIC_LABEL}
            onClick={() => !sending && draft.togglePublic()}
          >
            <Text className="compose__switch-label">{PUBLIC_LABEL}</Text>
            <View className="compose__switch-track">
              <View className="compose__switch-knob" />
            </View>
          </View>
          <Text className="compose__note">{PUBLIC_HINT}</Text>
        </View>
      ) : null}

      {serviceCode === 'deputy' ? (
        <View className="compose__section" id="field-deputyId">
          <DeputyPicker
            villageCode={form.villageCode}
            value={form.deputyId}
            onChange={(deputyId) => change({ deputyId }, ['deputyId'])}
            disabled={sending}
            error={errors.deputyId}
          />
        </View>
      ) : null}

      <View className="compose__section" id="field-categoryCode">
        <CategoryPicker
          value={form.categoryCode}
          onChange={(categoryCode) => change({ categoryCode }, ['categoryCode'])}
          disabled={sending}
          error={errors.categoryCode}
        />
      </View>

      <View className="compose__footer" id="field-form">
        {banner ? (
          <Text className={`compose__banner${banner === SAVED_OFFLINE_MESSAGE ? ' compose__banner--saved' : ''}`}>
            {banner}
          </Text>
        ) : null}
        {errors.form ? <Text className="compose__error">{errors.form}</Text> : null}
        <Button className="compose__submit" onClick={() => void draft.submit()} disabled={sending || undefined}>
          {sending ? sendingLine : '提交'}
        </Button>
        {!sending && hasContent(form) && !restored ? (
          <Button className="compose__link" onClick={() => void draft.clearAll()}>
            清空重写
          </Button>
        ) : null}
      </View>
    </View>
  );
}

export default withPageHeader(ReportComposePage, '我要反映');
