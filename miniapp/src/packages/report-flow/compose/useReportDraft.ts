/**
 * The report being written on 我要反映: the form, kept on the phone as an unfinished draft while
 * it is written, and submitted through the draft queue, which saves the report (Idempotency-Key
 * included) before anything is uploaded and sends it again when the signal is back.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useDidHide, useUnload } from '@tarojs/taro';
import { SERVICE_CODES, type ReportDetail, type ServiceCode } from '@minqing/shared';
import type { PhotoItem } from '../../../components/PhotoPicker';
import { validateDraft } from '../../../services/draftCheck';
import { drafts } from '../../../services/drafts';
import { askToSubscribe, preloadPushSettings } from '../../../services/subscribe';
import { SAVED_OFFLINE_MESSAGE, type FileProgress, type SubmitOutcome } from '../../../services/draftTypes';
import { refreshUser, saveProfile, useUser } from '../../../stores/user';
import { rememberContactPhone, rememberedContactPhone } from './ContactPhone';
import {
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

export const AUTOSAVE_DELAY_MS = 800;

const isServiceCode = (value: unknown): value is ServiceCode =>
  typeof value === 'string' && (SERVICE_CODES as readonly string[]).includes(value);

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

async function leaveAfterSaving(): Promise<void> {
  await Taro.showModal({
    title: '已保存',
    content: `${SAVED_OFFLINE_MESSAGE}。有信号时会自动帮您提交，不用重新填写。`,
    showCancel: false,
    confirmText: '知道了',
  }).catch(() => undefined);
  const pages = Taro.getCurrentPages?.() ?? [];
  if (pages.length > 1) void Taro.navigateBack().catch(() => undefined);
  else void Taro.switchTab({ url: '/pages/report/index' }).catch(() => undefined);
}

/** `service` and `draftId` are the page's parameters, read once when it opens. */
export function useReportDraft(params: { service?: string; draftId?: string }) {
  const { user } = useUser();
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

  /** Changes the form and clears the errors of the fields it answers. */
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

  const addPhotos = (paths: string[]) => change({ photos: [...formRef.current.photos, ...paths] }, ['photos']);
  const removePhoto = (path: string) =>
    change({ photos: formRef.current.photos.filter((photo) => photo !== path) }, ['photos']);
  const toggleAnonymous = () => change({ anonymous: !formRef.current.anonymous }, ['anonymous']);
  const togglePublic = () => change({ public: !formRef.current.public }, []);

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
  const uploadedCount =
    Object.values(uploads).filter((state) => state.status === 'done').length + (voiceUpload?.status === 'done' ? 1 : 0);
  const fileCount = form.photos.length + (form.voice ? 1 : 0);
  const sendingLine =
    fileCount > 0 && uploadedCount < fileCount ? `正在上传（${uploadedCount}/${fileCount}）…` : '正在提交…';

  return {
    form,
    errors,
    restored,
    banner,
    sending,
    /** The photos with their upload state, for PhotoPicker. */
    photoItems,
    /** The voice clip's upload state while sending, null when there is none. */
    voiceUpload,
    /** What the submit button says while sending: the files uploaded so far, then 正在提交. */
    sendingLine,
    change,
    addPhotos,
    removePhoto,
    toggleAnonymous,
    togglePublic,
    chooseVillage,
    clearAll,
    submit,
    afterFollowing,
  };
}
