/**
 * 记录走访: what was seen and done, photos taken on the spot, and 同时代报 — a report filed for
 * the household with the same note and photos in the same step. Sent through the 走访 and 代报 queue,
 * so a weak signal keeps it and sends it later.
 */
import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { LIMITS } from '@minqing/shared';
import BigButton from '../../../components/BigButton';
import PhotoPicker from '../../../components/PhotoPicker';
import { fieldDrafts } from '../services/fieldDrafts';
import type { FieldOutcome } from '../services/fieldQueue';

export interface VisitFormProps {
  household: { id: string; headName: string; villageCode: string };
  onOutcome(outcome: FieldOutcome): void;
}

export default function VisitForm({ household, onOutcome }: VisitFormProps) {
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [alsoReport, setAlsoReport] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [sending, setSending] = useState(false);

  const send = async () => {
    setSending(true);
    setError(null);
    const outcome = await fieldDrafts.send({
      visit: true,
      report: alsoReport,
      householdId: household.id,
      name: household.headName,
      villageCode: household.villageCode,
      note,
      photos,
    });
    setSending(false);
    if (outcome.status === 'invalid' || outcome.status === 'failed') setError(outcome);
    // Refused at once: the form still holds it to correct and send again, so no draft is kept.
    if (outcome.status === 'failed' && outcome.draft) fieldDrafts.remove(outcome.draft.id);
    if (outcome.status === 'done' || outcome.status === 'saved') {
      setNote('');
      setPhotos([]);
      setAlsoReport(false);
    }
    onOutcome(outcome);
  };

  return (
    <View className="household__form">
      <Text className="household__heading">记录走访</Text>
      <Text className="household__label">走访情况（必填）</Text>
      <Textarea
        className="household__textarea"
        value={note}
        maxlength={LIMITS.noteMax}
        placeholder="家里情况怎样、群众反映了什么、帮着做了什么"
        aria-label="走访情况"
        onInput={(event) => setNote(event.detail.value)}
      />
      {error?.field === 'note' || error?.field === 'text' ? (
        <View className="household__error" role="alert">
          {error.message}
        </View>
      ) : null}
      <Text className="household__label">现场照片（可不拍）</Text>
      <PhotoPicker
        photos={photos.map((path) => ({ path }))}
        onAdd={(added) => setPhotos((current) => [...current, ...added])}
        onRemove={(path) => setPhotos(photos.filter((item) => item !== path))}
        error={error?.field === 'photoUploadIds' ? error.message : undefined}
      />
      <View
        className={`household__switch${alsoReport ? ' household__switch--on' : ''}`}
        role="checkbox"
        aria-checked={alsoReport}
        onClick={() => setAlsoReport(!alsoReport)}
      >
        {alsoReport ? '✓ 同时代报' : '同时代报'}
      </View>
      <Text className="household__hint">
        {alsoReport ? `将以走访情况和照片代 ${household.headName} 反映，按规定分派办理` : '群众有诉求时勾选，代为反映'}
      </Text>
      {error && !['note', 'text', 'photoUploadIds'].includes(error.field ?? '') ? (
        <View className="household__error" role="alert">
          {error.message}
        </View>
      ) : null}
      <BigButton
        icon="✔"
        label={alsoReport ? '保存走访并代报' : '保存走访'}
        loading={sending}
        onClick={() => void send()}
      />
    </View>
  );
}
