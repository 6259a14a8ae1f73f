/** Five large stars (each a full tap target) with the meaning of the chosen score in words. */
import { Text, View } from '@tarojs/components';

import './index.scss';

export const SCORE_LABELS: Record<number, string> = {
  1: '很不满意',
  2: '不满意',
  3: '一般',
  4: '满意',
  5: '很满意',
};

export interface StarRatingProps {
  /** 0 when nothing is chosen yet. */
  value: number;
  onChange?(score: number): void;
  readOnly?: boolean;
  /** Shown when nothing is chosen. */
  placeholder?: string;
}

export default function StarRating({ value, onChange, readOnly, placeholder = '请点星星打分' }: StarRatingProps) {
  const label = SCORE_LABELS[value];
  return (
    <View className={`star-rating${readOnly ? ' star-rating--readonly' : ''}`}>
      <View className="star-rating__stars" role="radiogroup" aria-label="满意程度">
        {[1, 2, 3, 4, 5].map((score) => (
          <View
            key={score}
            className={`star-rating__star${score <= value ? ' star-rating__star--on' : ''}`}
            role="radio"
            aria-checked={score === value}
            aria-label={`${score}星 ${SCORE_LABELS[score]}`}
            onClick={() => {
              if (!readOnly) onChange?.(score);
            }}
          >
            {score <= value ? '★' : '☆'}
          </View>
        ))}
      </View>
      <Text className={`star-rating__label${label ? '' : ' star-rating__label--empty'}`}>
        {label ? `${value}星 · ${label}` : readOnly ? '' : placeholder}
      </Text>
    </View>
  );
}
