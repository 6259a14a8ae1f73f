/** 代表工作: '给哪位人大代表留言（可不选）' — the deputies of the chosen village, its township and county. */
import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { Deputy } from '@minqing/shared';
import { getDeputies } from '../../../services/api';
import { toApiError } from '../../../services/apiError';

export const DEPUTY_LABEL = '给哪位人大代表留言（可不选）';
export const DEPUTY_HINT = '不选也可以，您的意见和建议会转给您所在地区的人大代表。';
export const NO_DEPUTIES = '这里还没有登记人大代表，您的意见会转给人大代表联络站。';

export interface DeputyPickerProps {
  villageCode: string | null;
  value: string | null;
  onChange(deputyId: string | null): void;
  disabled?: boolean;
  error?: string;
}

export default function DeputyPicker({ villageCode, value, onChange, disabled, error }: DeputyPickerProps) {
  const [deputies, setDeputies] = useState<Deputy[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setDeputies(null);
    setLoadError(null);
    if (!villageCode) return undefined;
    let current = true;
    getDeputies(villageCode)
      .then((found) => {
        if (!current) return;
        setDeputies(found);
        // A deputy of the previously chosen village cannot take a report from this one.
        if (value && !found.some((deputy) => deputy.id === value)) onChange(null);
      })
      .catch((failure: unknown) => current && setLoadError(toApiError(failure).message));
    return () => {
      current = false;
    };
    // Reloads when the village changes (or on retry); `value` is checked against the answer.
  }, [villageCode, attempt]);

  return (
    <View className="category-picker deputy-picker">
      <Text className="compose__label">{DEPUTY_LABEL}</Text>
      {!villageCode ? <Text className="category-picker__info">请先选择所在村（社区）</Text> : null}
      {villageCode && !deputies && !loadError ? <Text className="category-picker__info">正在加载…</Text> : null}
      {loadError ? (
        <View className="category-picker__info">
          <Text>{loadError}</Text>
          <Button className="category-picker__retry" onClick={() => setAttempt(attempt + 1)}>
            重试
          </Button>
        </View>
      ) : null}
      {deputies && deputies.length === 0 ? <Text className="category-picker__info">{NO_DEPUTIES}</Text> : null}
      {deputies && deputies.length > 0 ? (
        <View className="category-picker__chips" role="radiogroup" aria-label={DEPUTY_LABEL}>
          {deputies.map((deputy) => {
            const selected = deputy.id === value;
            return (
              <View
                key={deputy.id}
                className={`category-picker__chip${selected ? ' category-picker__chip--on' : ''}`}
                role="radio"
                aria-checked={selected}
                onClick={() => !disabled && onChange(selected ? null : deputy.id)}
              >
                {`${deputy.name}（${deputy.title}）`}
              </View>
            );
          })}
        </View>
      ) : null}
      <Text className="category-picker__info">{DEPUTY_HINT}</Text>
      {error ? <Text className="compose__error">{error}</Text> : null}
    </View>
  );
}
