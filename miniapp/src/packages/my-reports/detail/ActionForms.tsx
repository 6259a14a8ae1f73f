/** The three things a citizen can do with a report: rate it, ask for it to be redone, add to it. */
import { useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { LIMITS, type ReportDetail } from '@minqing/shared';
import StarRating from '../../../components/StarRating';
import PhotoPicker from '../../../components/PhotoPicker';
import { usePhotoUploads, type UploadFn } from '../../../components/PhotoPicker/usePhotoUploads';
import { addSupplement, disputeReport, rateReport } from '../../../services/api';
import { toApiError } from '../../../services/apiError';
import {
  DISPUTE_CONFIRM_TEXT,
  SUPPLEMENT_CONFIRM_TEXT,
  checkDispute,
  checkRating,
  checkSupplement,
  confirmAction,
  ratingConfirmText,
} from './actions';

interface FormProps {
  report: ReportDetail;
  /** The report as the server now has it: shown at once. */
  onDone(report: ReportDetail): void;
  onCancel?(): void;
}

type Errors = Record<string, string>;

/** Runs a call, turning a refusal into a message by its field. */
async function send(
  call: () => Promise<ReportDetail>,
  setErrors: (errors: Errors) => void,
  fallbackField: string,
): Promise<ReportDetail | null> {
  try {
    return await call();
  } catch (failure) {
    const error = toApiError(failure);
    setErrors({ [error.field ?? fallbackField]: error.message });
    return null;
  }
}

function Panel({ title, children, onCancel }: { title: string; children: ReactNode; onCancel?: () => void }) {
  return (
    <View className="action-form">
      <View className="action-form__head">
        <Text className="action-form__title">{title}</Text>
        {onCancel ? (
          <Button className="action-form__cancel" onClick={onCancel}>
            收起
          </Button>
        ) : null}
      </View>
      {children}
    </View>
  );
}

const FieldError = ({ message }: { message?: string }) =>
  message ? <Text className="action-form__error">{message}</Text> : null;

export function RatingForm({ report, onDone, onCancel }: FormProps) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [sending, setSending] = useState(false);

  const submit = async () => {
    const checked = checkRating(score, comment);
    if (!checked.body) return setErrors({ [checked.error?.field ?? 'score']: checked.error?.message ?? '' });
    if (!(await confirmAction('提交评价', ratingConfirmText(score)))) return;
    setSending(true);
    const body = checked.body;
    const updated = await send(() => rateReport(report.id, body), setErrors, 'score');
    setSending(false);
    if (!updated) return;
    void Taro.showToast({ title: '谢谢您的评价', icon: 'success' });
    onDone(updated);
  };

  return (
    <Panel title="请您评价办理结果" onCancel={onCancel}>
      <StarRating
        value={score}
        onChange={(next) => {
          setScore(next);
          setErrors({});
        }}
      />
      <FieldError message={errors.score} />
      <Textarea
        className="action-form__textarea"
        value={comment}
        maxlength={LIMITS.ratingCommentMax}
        placeholder="还想说点什么？（可不填）"
        autoHeight
        onInput={(event) => setComment(event.detail.value)}
      />
      <FieldError message={errors.comment} />
      <Button className="action-form__submit" onClick={() => void submit()} disabled={sending || undefined}>
        {sending ? '正在提交…' : '提交评价'}
      </Button>
    </Panel>
  );
}

export function DisputeForm({ report, onDone, onCancel }: FormProps) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [sending, setSending] = useState(false);

  const submit = async () => {
    const checked = checkDispute(reason);
    if (!checked.body) return setErrors({ reason: checked.error?.message ?? '' });
    if (!(await confirmAction('要求重办', DISPUTE_CONFIRM_TEXT))) return;
    setSending(true);
    const body = checked.body;
    const updated = await send(() => disputeReport(report.id, body), setErrors, 'reason');
    setSending(false);
    if (!updated) return;
    void Taro.showToast({ title: '已提交，会重新办理', icon: 'none' });
    onDone(updated);
  };

  return (
    <Panel title="要求重新办理" onCancel={onCancel}>
      <Text className="action-form__hint">请说说哪里还没有办好</Text>
      <Textarea
        className="action-form__textarea"
        value={reason}
        maxlength={LIMITS.noteMax}
        placeholder="例如：路灯修了两天又不亮了"
        autoHeight
        onInput={(event) => {
          setReason(event.detail.value);
          setErrors({});
        }}
      />
      <FieldError message={errors.reason} />
      <Button className="action-form__submit" onClick={() => void submit()} disabled={sending || undefined}>
        {sending ? '正在提交…' : '提交'}
      </Button>
    </Panel>
  );
}

export function SupplementForm({ report, onDone, onCancel, upload }: FormProps & { upload?: UploadFn }) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [sending, setSending] = useState(false);
  const photos = usePhotoUploads(upload);

  const submit = async () => {
    const checked = checkSupplement(text, photos.uploadIds, photos);
    if (!checked.body) return setErrors({ [checked.error?.field ?? 'text']: checked.error?.message ?? '' });
    if (!(await confirmAction('补充说明', SUPPLEMENT_CONFIRM_TEXT))) return;
    setSending(true);
    const body = checked.body;
    const updated = await send(() => addSupplement(report.id, body), setErrors, 'text');
    setSending(false);
    if (!updated) return;
    void Taro.showToast({ title: '补充说明已提交', icon: 'success' });
    setText('');
    photos.clear();
    onDone(updated);
  };

  return (
    <Panel title="补充说明" onCancel={onCancel}>
      <Textarea
        className="action-form__textarea"
        value={text}
        maxlength={LIMITS.supplementMax}
        placeholder="还有什么要告诉工作人员的？"
        autoHeight
        onInput={(event) => {
          setText(event.detail.value);
          setErrors({});
        }}
      />
      <FieldError message={errors.text} />
      <PhotoPicker
        photos={photos.photos}
        onAdd={(paths) => {
          setErrors({});
          photos.add(paths);
        }}
        onRemove={photos.remove}
        onRetry={photos.retry}
        disabled={sending}
        error={errors.photoUploadIds}
      />
      <Button
        className="action-form__submit"
        onClick={() => void submit()}
        disabled={sending || photos.uploading || undefined}
      >
        {sending ? '正在提交…' : photos.uploading ? '照片上传中…' : '提交补充说明'}
      </Button>
    </Panel>
  );
}
