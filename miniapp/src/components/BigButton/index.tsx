import { Text, View } from '@tarojs/components';

import './index.scss';

export interface BigButtonProps {
  /** A picture word (emoji); always shown together with the label, never alone. */
  icon: string;
  label: string;
  /** One short line under the label: what the button does. */
  hint?: string;
  variant?: 'primary' | 'secondary' | 'outline' | 'danger';
  /** huge: 关怀模式 home; large: one main action; normal: in a list of actions. */
  size?: 'huge' | 'large' | 'normal';
  disabled?: boolean;
  /** Shows 请稍候… and ignores taps. */
  loading?: boolean;
  onClick?: () => void;
  className?: string;
}

/**
 * A button elderly users can hit and read: at least 48 px high (96 design px), icon with words,
 * high contrast. Renders a View, so it looks the same in WeChat and the browser.
 */
export default function BigButton({
  icon,
  label,
  hint,
  variant = 'primary',
  size = 'large',
  disabled = false,
  loading = false,
  onClick,
  className = '',
}: BigButtonProps) {
  const inactive = disabled || loading;
  const classes = [
    'big-button',
    `big-button--${variant}`,
    `big-button--${size}`,
    inactive ? 'big-button--disabled' : '',
    className,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <View
      className={classes}
      role="button"
      aria-label={hint ? `${label}，${hint}` : label}
      aria-disabled={inactive ? 'true' : 'false'}
      aria-busy={loading ? 'true' : 'false'}
      hoverClass={inactive ? 'none' : 'big-button--pressed'}
      onClick={() => {
        if (!inactive) onClick?.();
      }}
    >
      <Text className="big-button__icon" aria-hidden="true">
        {icon}
      </Text>
      <View className="big-button__words">
        <Text className="big-button__label">{loading ? '请稍候…' : label}</Text>
        {hint ? <Text className="big-button__hint">{hint}</Text> : null}
      </View>
    </View>
  );
}
