/**
 * One action on a report, as the server allows it: a note, photos taken on the spot where the
 * action takes them, days for an extension. Sent through the action queue, so a weak signal
 * keeps it and sends it later with the same Idempotency-Key.
 */
import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { ACTION_NAMES, LIMITS, actionRequirements, type StaffAction, type StaffReport } from '@minqing/shared';
import BigButton from '../../../components/BigButton';
import PhotoPicker from '../../../components/PhotoPicker';
import StarRating from '../../../components/StarRating';
import type { ActionOutcome } from '../services/actionQueue';
import { staffActions } from '../services/actionDrafts';

/** Actions that may carry photos of the result. */
const WITH_PHOTOS: readonly StaffAction[] = ['resolve', 'resolve_on_spot'];

export interface ActionFormProps {
  report: StaffReport;
  action: StaffAction;
  onOutcome(outcome: ActionOutcome): void;
  onCancel(): void;
}

export default function ActionForm({ report, action, onOutcome, onCancel }: ActionFormProps) {
  const requires = actionRequirements(action);
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [days, setDays] = useState('');
  const [score, setScore] = useState(0);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [sending, setSending] = useState(false);

  const send = async () => {
    setSending(true);
    setError(null);
    const outcome = await staffActions.send({
      reportId: report.id,
      serialNo: report.serialNo,
      action,
      note,
      photos,
      ...(requires.includes('extensionDays') ? { extensionDays: Number(days) || 0 } : {}),
      ...(requires.includes('score') ? { score } : {}),
    });
    setSending(false);
    if (outcome.status === 'invalid' || outcome.status === 'failed') setError(outcome);
    onOutcome(outcome);
  };

  const fieldError = (field: string) =>
    error && error.field === field ? (
      <View className="staff-report__error" role="alert">
        {error.message}
      </View>
    ) : null;

  return (
    <View className="staff-report__form">
      <Text className="staff-report__heading">{ACTION_NAMES[action]}</Text>
      <Text className="staff-report__label">
        {requires.includes('note') ? '办理说明（必填）' : '办理说明（可不填）'}
      </Text>
      <Textarea
        className="staff-report__textarea"
        value={note}
        maxlength={LIMITS.noteMax}
        placeholder="写清楚做了什么、结果如何"
        aria-label="办理说明"
        onInput={(event) => setNote(event.detail.value)}
      />
      {fieldError('note')}
      {requires.includes('score') ? (
        <>
          <Text className="staff-report__label">群众的满意程度</Text>
          <StarRating value={score} onChange={setScore} />
          {fieldError('score')}
        </>
      ) : null}
      {requires.includes('extensionDays') ? (
        <>
          <Text className="staff-report__label">延长天数</Text>
          <Input
            className="staff-report__input"
            type="number"
            value={days}
            placeholder={`1-${LIMITS.extensionDaysMax}`}
            aria-label="延长天数"
            onInput={(event) => setDays(event.detail.value)}
          />
          {fieldError('extensionDays')}
        </>
      ) : null}
      {WITH_PHOTOS.includes(action) ? (
        <>
          <Text className="staff-report__label">
            {requires.includes('photos') ? '现场照片（至少一张）' : '现场照片（可不拍）'}
          </Text>
          <PhotoPicker
            photos={photos.map((path) => ({ path }))}
            onAdd={(added) => setPhotos((current) => [...current, ...added])}
            onRemove={(path) => setPhotos(photos.filter((item) => item !== path))}
            error={error?.field === 'photoUploadIds' ? error.message : undefined}
          />
        </>
      ) : null}
      {error && !['note', 'extensionDays', 'score', 'photoUploadIds'].includes(error.field ?? '') ? (
        <View className="staff-report__error" role="alert">
          {error.message}
        </View>
      ) : null}
      <View className="staff-report__form-buttons">
        <BigButton icon="✔" label={`确认${ACTION_NAMES[action]}`} loading={sending} onClick={() => void send()} />
        <BigButton icon="✖" label="取消" variant="outline" size="normal" disabled={sending} onClick={onCancel} />
      </View>
    </View>
  );
}
