import { Text, View } from '@tarojs/components';

import './index.scss';

export interface EmptyStateAction {
  label: string;
  onClick: () => void;
}

export interface EmptyStateProps {
  icon?: string;
  /** What is (not) here, e.g. 还没有通知. */
  title: string;
  /** What to do about it, e.g. 点「我要反映」试试. */
  hint?: string;
  action?: EmptyStateAction;
}

/** Nothing to show: says so, and says what to do next. */
export default function EmptyState({ icon = '📭', title, hint, action }: EmptyStateProps) {
  return (
    <View className="empty-state" role="status">
      <Text className="empty-state__icon" aria-hidden="true">
        {icon}
      </Text>
      <Text className="empty-state__title">{title}</Text>
      {hint ? <Text className="empty-state__hint">{hint}</Text> : null}
      {action ? (
        <View
          className="empty-state__action"
          role="button"
          hoverClass="empty-state__action--pressed"
          onClick={action.onClick}
        >
          {action.label}
        </View>
      ) : null}
    </View>
  );
}

/** A loading indicator with words (a spinner alone says nothing to someone who does not know it). */
export function LoadingBlock({ text = '正在加载，请稍候…' }: { text?: string }) {
  return (
    <View className="loading-block" role="status" aria-live="polite">
      <View className="loading-block__spinner" aria-hidden="true" />
      <Text className="loading-block__text">{text}</Text>
    </View>
  );
}

/**
 * Grey rows where a list will be, while it loads: the page keeps its shape (no jump when the
 * answer arrives). Screen readers hear 正在加载.
 */
export function SkeletonRows({ rows = 2 }: { rows?: number }) {
  return (
    <View className="skeleton-rows" role="status" aria-label="正在加载">
      {Array.from({ length: rows }, (_, index) => (
        <View key={index} className="skeleton-rows__row" aria-hidden="true" />
      ))}
    </View>
  );
}

/** A failed load: the reason in plain words and a way to try again — never a blank screen. */
export function ErrorBlock({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <EmptyState
      icon="⚠️"
      title={message}
      hint={onRetry ? '请检查网络后再试一次' : undefined}
      action={onRetry ? { label: '重新加载', onClick: onRetry } : undefined}
    />
  );
}

export type ListFooterState = 'idle' | 'loading' | 'end' | 'error';

/** Under a paginated list: 加载更多 (a real button as well as scrolling), 正在加载, or 已经到底了. */
export function ListFooter({
  state,
  onLoadMore,
  errorMessage,
}: {
  state: ListFooterState;
  onLoadMore: () => void;
  errorMessage?: string;
}) {
  if (state === 'loading') return <LoadingBlock text="正在加载更多…" />;
  if (state === 'end') return <Text className="list-footer list-footer--end">已经到底了</Text>;
  return (
    <View className="list-footer">
      {state === 'error' ? <Text className="list-footer__error">{errorMessage ?? '加载失败'}</Text> : null}
      <View
        className="list-footer__button"
        role="button"
        hoverClass="list-footer__button--pressed"
        onClick={onLoadMore}
      >
        {state === 'error' ? '再试一次' : '加载更多'}
      </View>
    </View>
  );
}
