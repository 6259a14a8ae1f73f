/**
 * 我要反映: voice first, then text, photos, place and village; submitted through the draft queue,
 * which keeps the report on the phone (Idempotency-Key included) before anything is uploaded.
 *
 * Params: `service` (one of SERVICE_CODES), optional `draftId` (reopen a saved draft), optional
 * `mode` — `voice` or `photo`: in 关怀模式 the one-step 说一说 / 拍一拍 (QuickCompose).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useDidHide, useRouter, useUnload } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { LIMITS, SERVICE_CODES, SERVICE_NAMES, type ReportDetail, type ServiceCode } from '@minqing/shared';
import VoiceRecorder from '../../../components/VoiceRecorder';
import PhotoPicker, { type PhotoItem } from '../../../components/PhotoPicker';
import LocationPicker from '../../../components/LocationPicker';
import { withPageHeader } from '../../../components/PageHeader';
import VillagePicker from '../../../components/VillagePicker';
import { validateDraft } from '../../../services/draftCheck';
import { drafts } from '../../../services/drafts';
import { askToSubscribe, preloadPushSettings } from '../../../services/subscribe';
import { SAVED_OFFLINE_MESSAGE, type FileProgress, type SubmitOutcome } from '../../../services/draftTypes';
import { useCareMode } from '../../../stores/careMode';
import { refreshUser, saveProfile, useUser } from '../../../stores/user';
import CategoryPicker from './CategoryPicker';
import ContactPhone, { rememberContactPhone, rememberedContactPhone } from './ContactPhone';
import QuickCompose, { isQuickMode } from './QuickCompose';
import DeputyPicker from './DeputyPicker';
import SimilarReports from './SimilarReports';
import {
  allowsAnonymous,
  draftInputOf,
  emptyForm,
  fieldOf,
  firstError,
  formOfDraft,
  hasContent,
  validateCompose,
  withoutLostFiles,
  type ComposeField,
  type ComposeForm,
  type FieldErrors,
} from './composeForm';
import { successUrl } from '../success/successParams';

import './index.scss';

const isServiceCode = (value: unknown): value is ServiceCode =>
  typeof value === 'string' && (SERVICE_CODES as readonly string[]).includes(value);

export const ANONYMOUS_LABEL = '匿名举报：工作人员看不到您的身份';
export const PUBLIC_LABEL = '公开到本村动态';
export const PUBLIC_HINT = '公开后，本村群众可以看到这件事的处理情况（不显示您的姓名和电话）';
export const RESTORED_NOTE = '已为您恢复上次没有提交的内容';
const AUTOSAVE_DELAY_MS = 800;

/** The form to start from: a draft asked for, else an unfinished one of this service, else an empty one. */
function startingPoint(
  serviceCode: ServiceCode,
  draftId: string | undefined,
  villageCode: string | null,
  contactPhone: string | null,
): { form: ComposeForm; draftId: string | null; restored: boolean } {
  const asked = draftId ? drafts.get(draftId) : undefined;
  const unfinished =
    asked ??
    [...drafts.list()].reverse().find((draft) => draft.state === 'editing' && draft.serviceCode === serviceCode);
  if (unfinished && unfinished.state !== 'sending') {
    const form = formOfDraft(unfinished);
    return { form: { ...form, villageCode: form.villageCode ?? villageCode }, draftId: unfinished.id, restored: true };
  }
  return { form: emptyForm(serviceCode, villageCode, contactPhone), draftId: null, restored: false };
}

type UploadState = Pick<PhotoItem, 'status' | 'percent' | 'error'>;

function uploadStateOf(progress: FileProgress): UploadState {
  if (progress.status === 'done') return { status: 'done', percent: 100 };
  if (progress.status === 'failed') return { status: 'failed', percent: 0 };
  return { status: 'uploading', percent: progress.percent };
}

function ReportComposePage() {
  const care = useCareMode();
  const { user } = useUser();
  const { params } = useRouter();
  const start = useMemo(
    () =>
      startingPoint(
        isServiceCode(params.service) ? params.service : 'direct',
        params.draftId,
        user?.villageCode ?? null,
        user?.phone ? null : rememberedContactPhone(),
      ),
    // Decided once, when the page opens.
    [],
  );
  const [form, setForm] = useState<ComposeForm>(start.form);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [restored, setRestored] = useState(start.restored);
  const [uploads, setUploads] = useState<Record<string, UploadState>>({});
  const [voiceUpload, setVoiceUpload] = useState<UploadState | null>(null);
  const [sending, setSending] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const draftId = useRef<string | null>(start.draftId);
  const formRef = useRef(form);
  formRef.current = form;
  const sendingRef = useRef(false);
  /** Submitted or handed to the queue: nothing more to save from this page. */
  const finished = useRef(false);
  const saving = useRef<Promise<void>>(Promise.resolve());
  const serviceCode = form.serviceCode;
  const quickMode = care.enabled && isQuickMode(params.mode) ? params.mode : null;

  // A draft restored after an H5 reload may point at files the browser has forgotten.
  useEffect(() => {
    if (!start.restored) return;
    const readable = (path: string) =>
      fetch(path)
        .then((response) => response.ok)
        .catch(() => false);
    void withoutLostFiles(start.form, readable).then(({ form: checked, lost }) => {
      if (lost === 0) return;
      setForm((current) => ({
        ...current,
        photos: current.photos.filter((path) => checked.photos.includes(path)),
        voice: checked.voice ? current.voice : null,
      }));
      setBanner(`有 ${lost} 个照片或录音在刷新后找不到了，请重新添加`);
    });
    // Once, for the restored form.
  }, []);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: SERVICE_NAMES[serviceCode] }).catch(() => undefined);
  }, [serviceCode]);

  // The submit tap asks for 受理/办结 notifications; WeChat only allows that inside the tap itself.
  useEffect(() => {
    void preloadPushSettings();
  }, []);

  // The village defaults to the one bound to the profile (loaded if this is the first screen).
  useEffect(() => {
    if (!user) void refreshUser();
  }, [user]);
  useEffect(() => {
    const bound = user?.villageCode;
    if (bound) setForm((current) => (current.villageCode ? current : { ...current, villageCode: bound }));
  }, [user?.villageCode]);

  /** Keeps the form on the phone as an unfinished draft (nothing is lost if the app closes). */
  const saveDraft = (): Promise<void> => {
    saving.current = saving.current
      .then(async () => {
        const current = formRef.current;
        if (sendingRef.current || finished.current || !hasContent(current)) return;
        const input = draftInputOf(current);
        const existing = draftId.current ? drafts.get(draftId.current) : undefined;
        if (existing) await drafts.update(existing.id, input);
        else draftId.current = (await drafts.create(input, 'editing')).id;
      })
      .catch(() => undefined);
    return saving.current;
  };

  useEffect(() => {
    if (!hasContent(form) || sending || finished.current) return undefined;
    const timer = setTimeout(() => void saveDraft(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // saveDraft reads the latest form through formRef.
  }, [form, sending]);
  useDidHide(() => void saveDraft());
  useUnload(() => void saveDraft());

  const change = (patch: Partial<ComposeForm>, clears: ComposeField[]) => {
    setForm((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const field of [...clears, 'form' as const]) delete next[field];
      // Giving any content answers "say, write or photograph something".
      if (clears.some((field) => field === 'voice' || field === 'text' || field === 'photos')) delete next.voice;
      return next;
    });
  };

  /** The village is asked once: chosen here while the profile has none, it is kept there too. */
  const chooseVillage = (villageCode: string) => {
    change({ villageCode }, ['villageCode']);
    if (!user?.villageCode) void saveProfile({ villageCode }).catch(() => undefined);
  };

  const clearAll = async () => {
    const answer = await Taro.showModal({
      title: '清空重写',
      content: '写的字、录音和照片都会删掉，确定吗？',
      confirmText: '清空',
      cancelText: '不清空',
    }).catch(() => ({
      confirm: false,
    }));
    if (!answer.confirm) return;
    await saving.current;
    if (draftId.current) await drafts.remove(draftId.current);
    draftId.current = null;
    setForm(emptyForm(formRef.current.serviceCode, formRef.current.villageCode, formRef.current.contactPhone));
    setErrors({});
    setUploads({});
    setVoiceUpload(null);
    setRestored(false);
    setBanner(null);
  };

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    const first = firstError(found);
    if (!first) return;
    void Taro.showToast({ title: first.message, icon: 'none', duration: 2500 });
    void Taro.pageScrollTo({ selector: `#field-${first.field}`, duration: 300 }).catch(() => undefined);
  };

  const onProgress = (progress: FileProgress) => {
    if (progress.file === 'voice') {
      setVoiceUpload(uploadStateOf(progress));
      return;
    }
    const path = formRef.current.photos[progress.file];
    if (path) setUploads((current) => ({ ...current, [path]: uploadStateOf(progress) }));
  };

  const leaveAfterSaving = async () => {
    await Taro.showModal({
      title: '已保存',
      content: `${SAVED_OFFLINE_MESSAGE}。有信号时会自动帮您提交，不用重新填写。`,
      showCancel: false,
      confirmText: '知道了',
    }).catch(() => undefined);
    const pages = Taro.getCurrentPages?.() ?? [];
    if (pages.length > 1) void Taro.navigateBack().catch(() => undefined);
    else void Taro.switchTab({ url: '/pages/report/index' }).catch(() => undefined);
  };

  const afterSubmit = async (outcome: SubmitOutcome) => {
    switch (outcome.status) {
      case 'submitted':
        finished.current = true;
        draftId.current = null;
        await Taro.redirectTo({ url: successUrl(outcome.report as ReportDetail) });
        return;
      case 'saved':
        // The queue sends it when the signal is back; this page is done with it.
        finished.current = true;
        draftId.current = null;
        setBanner(SAVED_OFFLINE_MESSAGE);
        await leaveAfterSaving();
        return;
      case 'invalid':
      case 'failed': {
        const field = fieldOf(outcome.field);
        if (field === 'photos' || outcome.field === 'file') {
          // Name the photo that failed on its thumbnail too.
          setUploads((current) =>
            Object.fromEntries(
              Object.entries(current).map(([path, state]) => [
                path,
                state.status === 'failed' ? { ...state, error: outcome.message } : state,
              ]),
            ),
          );
        }
        setBanner(outcome.status === 'failed' ? `没能提交：${outcome.message}` : null);
        showErrors({ [field]: outcome.message });
        return;
      }
      default:
        setBanner('这条反映已经提交过了，请在「我的反映」里查看');
    }
  };

  const submit = async () => {
    if (sendingRef.current) return;
    const found = validateCompose(form);
    if (firstError(found)) {
      showErrors(found);
      return;
    }
    // Before any await: WeChat shows the subscribe dialog only within the tap; the submission goes on meanwhile.
    void askToSubscribe(['report_signed', 'report_resolved']);
    rememberContactPhone(form.anonymous ? null : form.contactPhone);
    sendingRef.current = true;
    setSending(true);
    setBanner(null);
    setErrors({});
    setUploads(Object.fromEntries(form.photos.map((path) => [path, { status: 'waiting' as const }])));
    setVoiceUpload(form.voice ? { status: 'waiting' } : null);
    try {
      await saving.current;
      const input = draftInputOf(form);
      const existing = draftId.current ? drafts.get(draftId.current) : undefined;
      // Saved before anything is uploaded: from here on the report cannot be lost.
      const draft = existing ? await drafts.update(existing.id, input) : await drafts.create(input, 'queued');
      if (!draft) throw new Error('draft not saved');
      draftId.current = draft.id;
      const outcome = await drafts.submit(draft.id, { onProgress, check: validateDraft });
      await afterSubmit(outcome);
    } catch {
      setBanner('没能保存，请再点一次「提交」');
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  /** 我也遇到: joined someone else's report; the villager may drop this one and follow that one instead. */
  const afterFollowing = async (followed: { id: string }) => {
    const answer = await Taro.showModal({
      title: '已关注',
      content: '这件事的办理进展会通知您，也可以在「我的反映」的「我关注的」里查看。不用再反映的话，您写的内容会清空。',
      confirmText: '查看进展',
      cancelText: '继续反映',
    }).catch(() => ({ confirm: false }));
    if (!answer.confirm) return;
    await saving.current;
    finished.current = true;
    if (draftId.current) await drafts.remove(draftId.current);
    draftId.current = null;
    // A sub-package cannot require another's JS: the address is written out.
    await Taro.redirectTo({ url: `/packages/my-reports/detail/index?id=${encodeURIComponent(followed.id)}` });
  };

  const photoItems: PhotoItem[] = form.photos.map((path) => ({ path, ...uploads[path] }));
  const uploadingCount = Object.values(uploads).filter((state) => state.status === 'done').length;
  const fileCount = form.photos.length + (form.voice ? 1 : 0);
  const sendingLine =
    fileCount > 0 && uploadingCount + (voiceUpload?.status === 'done' ? 1 : 0) < fileCount
      ? `正在上传（${uploadingCount + (voiceUpload?.status === 'done' ? 1 : 0)}/${fileCount}）…`
      : '正在提交…';

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
          onAddPhotos={(paths) => change({ photos: [...formRef.current.photos, ...paths] }, ['photos'])}
          onVillage={chooseVillage}
          onSend={() => void submit()}
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
          <Button className="compose__link" onClick={() => void clearAll()} disabled={sending || undefined}>
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
          onFollowed={(followed) => void afterFollowing(followed)}
        />
      ) : null}

      <View className="compose__section" id="field-photos">
        <Text className="compose__label">拍一拍（可不拍，最多{LIMITS.reportPhotosMax}张）</Text>
        <PhotoPicker
          photos={photoItems}
          max={LIMITS.reportPhotosMax}
          onAdd={(paths) => change({ photos: [...formRef.current.photos, ...paths] }, ['photos'])}
          onRemove={(path) => change({ photos: formRef.current.photos.filter((photo) => photo !== path) }, ['photos'])}
          onRetry={() => void submit()}
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
          onChange={chooseVillage}
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
            onClick={() => !sending && change({ anonymous: !formRef.current.anonymous }, ['anonymous'])}
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
            onClick={() => !sending && change({ public: !formRef.current.public }, [])}
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
        <Button className="compose__submit" onClick={() => void submit()} disabled={sending || undefined}>
          {sending ? sendingLine : '提交'}
        </Button>
        {!sending && hasContent(form) && !restored ? (
          <Button className="compose__link" onClick={() => void clearAll()}>
            清空重写
          </Button>
        ) : null}
      </View>
    </View>
  );
}

export default withPageHeader(ReportComposePage, '我要反映');
