/**
 * 代报: a report filed for a household of my roster or a villager named here — text, voice and
 * photos as on the citizen's form. Sent through the 走访 and 代报 queue with an Idempotency-Key kept
 * with the draft; on success its serial number, then the report (for those who work reports).
 */
import { useEffect, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { LIMITS, type Household } from '@minqing/shared';
import BigButton from '../../../components/BigButton';
import { withPageHeader } from '../../../components/PageHeader';
import PhotoPicker from '../../../components/PhotoPicker';
import VoiceRecorder, { type VoiceClip } from '../../../components/VoiceRecorder';
import { toApiError } from '../../../services/apiError';
import { currentStaffSession } from '../../../services/staffSession';
import { useCareMode } from '../../../stores/careMode';
import { ROUTES } from '../../../pages/home/routes';
import { fieldDrafts, startFieldSync } from '../services/fieldDrafts';
import { can } from '../services/abilities';
import { getHouseholds } from '../services/staffApi';
import HouseholdChoice, { type Person } from './HouseholdChoice';

import './index.scss';

const SEND_LABEL = '提交代报';

/** A grid worker's or 三线 member's grid, a cadre's village: the village a typed-in villager is offered first. */
const homeVillage = (regionCode: string | undefined): string | null =>
  regionCode && regionCode.length >= 12 ? regionCode.slice(0, 12) : null;

function OnBehalfPage() {
  const care = useCareMode();
  const [roster, setRoster] = useState<Household[]>([]);
  const [person, setPerson] = useState<Person>(() => ({
    household: null,
    name: '',
    phone: '',
    villageCode: homeVillage(currentStaffSession()?.staff.regionCode),
  }));
  const [text, setText] = useState('');
  const [voice, setVoice] = useState<VoiceClip | null>(null);
  const [photos, setPhotos] = useState<string[]>([]);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(startFieldSync, []);
  useDidShow(() => {
    if (!currentStaffSession()) return void Taro.redirectTo({ url: ROUTES.workbenchLogin }).catch(() => undefined);
    getHouseholds(1)
      .then((page) => setRoster(page.items))
      .catch((failure: unknown) => setError({ message: `住户名册暂时打不开：${toApiError(failure).message}` }));
  });

  const reset = () => {
    setText('');
    setVoice(null);
    setPhotos([]);
  };

  const send = async () => {
    setSending(true);
    setError(null);
    setSaved(null);
    const outcome = await fieldDrafts.send({
      visit: false,
      report: true,
      householdId: person.household?.id,
      name: person.name,
      phone: person.household ? undefined : person.phone.trim() || undefined,
      villageCode: person.villageCode ?? '',
      note: text,
      photos,
      voice: voice ?? undefined,
    });
    setSending(false);
    // Refused at once: the form still holds it to correct and send again, so no draft is kept.
    if (outcome.status === 'failed' && outcome.draft) fieldDrafts.remove(outcome.draft.id);
    if (outcome.status === 'invalid' || outcome.status === 'failed') return setError(outcome);
    if (outcome.status === 'saved') {
      reset();
      return setSaved(`代 ${person.name} 反映：${outcome.message}`);
    }
    if (outcome.status !== 'done' || !outcome.report) return;
    reset();
    const report = outcome.report;
    const opensReport = can(currentStaffSession()?.staff, 'queue');
    await Taro.showModal({
      title: '代报成功',
      content: `反映编号 ${report.serialNo}，办理结果会告诉您。`,
      showCancel: false,
      confirmText: opensReport ? '查看代报' : '知道了',
    });
    if (opensReport) void Taro.redirectTo({ url: ROUTES.workbenchReport(report.id) }).catch(() => undefined);
  };

  const errorOf = (field: string) => (error?.field === field ? error.message : undefined);
  const shownElsewhere = ['onBehalfOf.name', 'onBehalfOf.phone', 'villageCode', 'text', 'voice', 'photoUploadIds'];

  return (
    <View className={`page onbehalf ${care.className}`}>
      <Text className="onbehalf__label">代哪位群众反映</Text>
      <HouseholdChoice roster={roster} person={person} onChange={setPerson} errorOf={errorOf} />
      <Text className="onbehalf__label">群众反映的事（说、写、拍任选其一）</Text>
      <Textarea
        className="onbehalf__textarea"
        value={text}
        maxlength={LIMITS.reportTextMax}
        placeholder="什么事、在哪里、多久了"
        aria-label="反映内容"
        onInput={(event) => setText(event.detail.value)}
      />
      {errorOf('text') ? (
        <View className="onbehalf__error" role="alert">
          {errorOf('text')}
        </View>
      ) : null}
      <VoiceRecorder
        value={voice}
        onChange={setVoice}
        maxSeconds={LIMITS.voiceSecondsDefault}
        error={errorOf('voice')}
        disabled={sending}
        sendLabel={SEND_LABEL}
      />
      <PhotoPicker
        photos={photos.map((path) => ({ path }))}
        onAdd={(added) => setPhotos((current) => [...current, ...added])}
        onRemove={(path) => setPhotos(photos.filter((item) => item !== path))}
        error={errorOf('photoUploadIds')}
      />
      {error && !shownElsewhere.includes(error.field ?? '') ? (
        <View className="onbehalf__error" role="alert">
          {error.message}
        </View>
      ) : null}
      {saved ? (
        <View className="onbehalf__saved" role="status">
          {saved}
        </View>
      ) : null}
      <BigButton icon="✔" label={SEND_LABEL} loading={sending} onClick={() => void send()} />
    </View>
  );
}

export default withPageHeader(OnBehalfPage, '代报');
