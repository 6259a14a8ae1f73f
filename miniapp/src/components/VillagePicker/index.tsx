/**
 * The app's one village (社区) chooser — for a report, the profile and the notice board: shows the
 * current one and opens a two-step list — township, then village — with large rows. The tree
 * comes from GET /regions?depth=village, once per app session.
 */
import { useEffect, useState } from 'react';
import { Button, ScrollView, Text, View } from '@tarojs/components';
import type { RegionNode } from '@minqing/shared';
import { toApiError } from '../../services/apiError';
import { loadVillageTree, townshipsOf, villageLabel } from './regions';

import './index.scss';

export interface VillagePickerProps {
  value: string | null;
  onChange(code: string): void;
  disabled?: boolean;
  error?: string;
  /** Title of the panel. */
  title?: string;
}

export default function VillagePicker({
  value,
  onChange,
  disabled,
  error,
  title = '选择村（社区）',
}: VillagePickerProps) {
  const [tree, setTree] = useState<RegionNode[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [township, setTownship] = useState<RegionNode | null>(null);

  const load = () => {
    setLoadError(null);
    loadVillageTree()
      .then(setTree)
      .catch((failure: unknown) => setLoadError(toApiError(failure).message));
  };

  useEffect(load, []);

  const label = tree ? villageLabel(tree, value) : null;
  const townships = tree ? townshipsOf(tree) : [];

  const openPanel = () => {
    if (disabled) return;
    if (!tree) load();
    const current =
      tree && value ? (townships.find((node) => node.children.some((child) => child.code === value)) ?? null) : null;
    setTownship(current);
    setOpen(true);
  };

  const choose = (code: string) => {
    onChange(code);
    setOpen(false);
  };

  return (
    <View className="village-picker">
      <View className="village-picker__current">
        <Text className={`village-picker__name${value ? '' : ' village-picker__name--empty'}`}>
          {label ?? (value ? (loadError ? '您绑定的村（社区）' : '正在加载…') : '还没有选择村（社区）')}
        </Text>
        <Button className="village-picker__change" onClick={openPanel} disabled={disabled || undefined}>
          {value ? '更改' : '选择'}
        </Button>
      </View>
      {error ? <Text className="village-picker__error">{error}</Text> : null}

      {open ? (
        <View className="village-picker__mask" catchMove>
          <View className="village-picker__panel" role="dialog" aria-label={title}>
            <View className="village-picker__header">
              {township ? (
                <Button className="village-picker__back" onClick={() => setTownship(null)}>
                  ‹ 返回
                </Button>
              ) : null}
              <Text className="village-picker__title">{township ? township.name : title}</Text>
              <Button className="village-picker__close" onClick={() => setOpen(false)}>
                关闭
              </Button>
            </View>
            <ScrollView className="village-picker__list" scrollY>
              {!tree && !loadError ? <Text className="village-picker__info">正在加载村（社区）列表…</Text> : null}
              {!tree && loadError ? (
                <View className="village-picker__info">
                  <Text>{loadError}</Text>
                  <Button className="village-picker__retry" onClick={load}>
                    重试
                  </Button>
                </View>
              ) : null}
              {tree && !township
                ? townships.map((node) => (
                    <View
                      key={node.code}
                      className="village-picker__row"
                      role="button"
                      onClick={() => setTownship(node)}
                    >
                      <Text>{node.name}</Text>
                      <Text className="village-picker__arrow">›</Text>
                    </View>
                  ))
                : null}
              {tree && township
                ? township.children.map((node) => (
                    <View
                      key={node.code}
                      className={`village-picker__row${node.code === value ? ' village-picker__row--selected' : ''}`}
                      role="button"
                      aria-selected={node.code === value}
                      onClick={() => choose(node.code)}
                    >
                      <Text>{node.name}</Text>
                      {node.code === value ? <Text className="village-picker__check">✓</Text> : null}
                    </View>
                  ))
                : null}
            </ScrollView>
          </View>
        </View>
      ) : null}
    </View>
  );
}

export { loadVillageTree, useVillageLabel, villageLabel, villagesOf, townshipsOf } from './regions';
