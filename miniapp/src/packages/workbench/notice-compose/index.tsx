/**
 * 发布公告 from the phone: photos of the paper notice or its text, a column (党务/村务/财务公开),
 * the cadre's own village as the scope, 置顶 or an expiry, then 发布 — through the same staff
 * content routes, checks and audit as the admin panel's editor.
 */
import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { LIMITS, type NoticeCategory } from '@minqing/shared';
import BigButton from '../../../components/BigButton';
import { withPageHeader } from '../../../components/PageHeader';
import PhotoPicker from '../../../components/PhotoPicker';
import { toApiError } from '../../../services/apiError';
import { currentStaffSession } from '../../../services/staffSession';
import { useCareMode } from '../../../stores/careMode';
import { publishNewNotice, uploadStaffPhoto } from '../services/staffApi';
import { EXPIRY_CHOICES, PHONE_CATEGORIES, categoryName, noticeInputOf } from './noticeForm';

import '../notices/index.scss';

function Choice({ label, chosen, onClick }: { label: string; chosen: boolean; onClick: () => void }) {
  return (
    <View
      className={`notice-phone__chip${chosen ? ' notice-phone__chip--chosen' : ''}`}
      role="radio"
      aria-checked={chosen}
      onClick={onClick}
    >
      {label}
    </View>
  );
}

function NoticeComposePage() {
  const care = useCareMode();
  const session = currentStaffSession();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [category, setCategory] = useState<NoticeCategory>('village');
  const [pinned, setPinned] = useState(false);
  const [expiryDays, setExpiryDays] = useState(0);
  const [photos, setPhotos] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);

  const publish = async () => {
    if (!session) return;
    const draft = {
      title,
      body,
      category,
      regionCode: session.staff.regionCode,
      pinned,
      expiryDays,
      photoCount: photos.length,
    };
    const checked = noticeInputOf(draft, [], Date.now());
    if ('message' in checked) return setError(checked.message);
    setError(null);
    setPublishing(true);
    try {
      const ids: string[] = [];
      for (const path of photos) ids.push((await uploadStaffPhoto(path)).id);
      const ready = noticeInputOf(draft, ids, Date.now());
      if ('message' in ready) return setError(ready.message);
      await publishNewNotice(ready.input);
      void Taro.showToast({ title: '公告已发布', icon: 'success' });
      void Taro.navigateBack().catch(() => undefined);
    } catch (failure) {
      setError(toApiError(failure).message);
    } finally {
      setPublishing(false);
    }
  };

  return (
    <View className={`page notice-phone ${care.className}`}>
      <View className="notice-phone__card">
        <Text className="notice-phone__label">标题</Text>
        <Input
          className="notice-phone__input"
          value={title}
          maxlength={LIMITS.noticeTitleMax}
          placeholder="例如：五一村2026年第三季度财务公开"
          aria-label="标题"
          onInput={(event) => setTitle(event.detail.value)}
        />
        <Text className="notice-phone__label">拍下纸质公告</Text>
        <PhotoPicker
          photos={photos.map((path) => ({ path }))}
          onAdd={(added) => setPhotos((current) => [...current, ...added])}
          onRemove={(path) => setPhotos(photos.filter((item) => item !== path))}
        />
        <Text className="notice-phone__label">正文（有照片可不填）</Text>
        <Textarea
          className="notice-phone__textarea"
          value={body}
          maxlength={LIMITS.noticeBodyMax}
          placeholder="公告内容"
          aria-label="正文"
          onInput={(event) => setBody(event.detail.value)}
        />
        <Text className="notice-phone__label">栏目</Text>
        <View className="notice-phone__chips" role="radiogroup" aria-label="栏目">
          {PHONE_CATEGORIES.map((key) => (
            <Choice key={key} label={categoryName(key)} chosen={category === key} onClick={() => setCategory(key)} />
          ))}
        </View>
        <Text className="notice-phone__label">有效期</Text>
        <View className="notice-phone__chips" role="radiogroup" aria-label="有效期">
          {EXPIRY_CHOICES.map((choice) => (
            <Choice
              key={choice.days}
              label={choice.label}
              chosen={expiryDays === choice.days}
              onClick={() => setExpiryDays(choice.days)}
            />
          ))}
        </View>
        <View className="notice-phone__chips">
          <View
            className={`notice-phone__chip${pinned ? ' notice-phone__chip--chosen' : ''}`}
            role="checkbox"
            aria-checked={pinned}
            onClick={() => setPinned(!pinned)}
          >
            {pinned ? '✓ 置顶' : '置顶'}
          </View>
        </View>
        <Text className="notice-phone__meta">发布范围：本村（{session?.staff.regionCode ?? ''}）全体村民</Text>
        {error ? (
          <View className="notice-phone__error" role="alert">
            {error}
          </View>
        ) : null}
        <BigButton icon="📢" label="发布" loading={publishing} onClick={() => void publish()} />
      </View>
    </View>
  );
}

export default withPageHeader(NoticeComposePage, '发布公告');
