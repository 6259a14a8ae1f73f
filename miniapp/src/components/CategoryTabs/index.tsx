import { ScrollView, View } from '@tarojs/components';

import './index.scss';

export interface CategoryTab<K extends string> {
  key: K;
  label: string;
}

export interface CategoryTabsProps<K extends string> {
  tabs: readonly CategoryTab<K>[];
  value: K;
  onChange: (key: K) => void;
  /** Read by screen readers, e.g. 公告栏目. */
  label?: string;
}

/** `全部` plus one tab per category: the first tab of every list, keyed '' for "no filter". */
export const ALL_TAB = { key: '', label: '全部' } as const;

/** Builds tabs from a shared code → name map, with 全部 first. */
export function tabsFrom<C extends string>(codes: readonly C[], names: Record<C, string>): CategoryTab<C | ''>[] {
  return [ALL_TAB, ...codes.map((code) => ({ key: code, label: names[code] }))];
}

/**
 * Category tabs: a row that scrolls sideways; in 关怀模式 the tabs wrap into big blocks instead,
 * so nothing needs a swipe to be found.
 */
export default function CategoryTabs<K extends string>({
  tabs,
  value,
  onChange,
  label = '分类',
}: CategoryTabsProps<K>) {
  return (
    <ScrollView className="category-tabs" scrollX enhanced showScrollbar={false}>
      <View className="category-tabs__list" role="tablist" aria-label={label}>
        {tabs.map((tab) => {
          const selected = tab.key === value;
          return (
            <View
              key={tab.key || 'all'}
              className={`category-tabs__tab${selected ? ' category-tabs__tab--selected' : ''}`}
              role="tab"
              aria-selected={selected ? 'true' : 'false'}
              onClick={() => {
                if (!selected) onChange(tab.key);
              }}
            >
              {tab.label}
            </View>
          );
        })}
      </View>
    </ScrollView>
  );
}
