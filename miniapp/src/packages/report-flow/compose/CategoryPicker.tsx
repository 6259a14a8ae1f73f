/** '选择问题类别（可不选）': collapsed; opens the category tree as two levels of large chips. */
import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { Category } from '@minqing/shared';
import { getCategories } from '../../../services/api';
import { toApiError } from '../../../services/apiError';

let cached: Promise<Category[]> | null = null;

function loadCategories(): Promise<Category[]> {
  if (!cached) {
    cached = getCategories().catch((error: unknown) => {
      cached = null;
      throw error;
    });
  }
  return cached;
}

export interface CategoryPickerProps {
  value: string | null;
  onChange(code: string | null): void;
  disabled?: boolean;
  error?: string;
}

export default function CategoryPicker({ value, onChange, disabled, error }: CategoryPickerProps) {
  const [open, setOpen] = useState(Boolean(value));
  const [categories, setCategories] = useState<Category[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = () => {
    setLoadError(null);
    loadCategories()
      .then(setCategories)
      .catch((failure: unknown) => setLoadError(toApiError(failure).message));
  };

  useEffect(() => {
    if (open && !categories) load();
    // Loads when first opened (also when opened with a restored choice).
  }, [open]);

  const chosen = categories?.find((category) => category.code === value) ?? null;
  const top = categories?.filter((category) => category.parentCode === null) ?? [];
  const parentCode = chosen ? (chosen.parentCode ?? chosen.code) : null;
  const children = parentCode ? (categories ?? []).filter((category) => category.parentCode === parentCode) : [];

  const chip = (category: Category, selected: boolean) => (
    <View
      key={category.code}
      className={`category-picker__chip${selected ? ' category-picker__chip--on' : ''}`}
      role="radio"
      aria-checked={selected}
      onClick={() => !disabled && onChange(selected ? category.parentCode : category.code)}
    >
      {category.name}
    </View>
  );

  return (
    <View className="category-picker">
      <View className="category-picker__toggle" role="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Text className="category-picker__label">选择问题类别（可不选）</Text>
        <Text className="category-picker__current">
          {chosen ? chosen.name : ''} {open ? '▴' : '▾'}
        </Text>
      </View>
      {open ? (
        <View className="category-picker__body">
          {!categories && !loadError ? <Text className="category-picker__info">正在加载…</Text> : null}
          {loadError ? (
            <View className="category-picker__info">
              <Text>{loadError}</Text>
              <Button className="category-picker__retry" onClick={load}>
                重试
              </Button>
            </View>
          ) : null}
          {categories ? (
            <View className="category-picker__chips" role="radiogroup">
              {top.map((category) => chip(category, category.code === parentCode))}
            </View>
          ) : null}
          {children.length > 0 ? (
            <>
              <Text className="category-picker__sub">更具体一点（可不选）</Text>
              <View className="category-picker__chips" role="radiogroup">
                {children.map((category) => chip(category, category.code === value))}
              </View>
            </>
          ) : null}
          {value ? (
            <Button className="category-picker__clear" onClick={() => onChange(null)} disabled={disabled || undefined}>
              不选类别
            </Button>
          ) : null}
          <Text className="category-picker__info">不选也可以，工作人员会帮您分类。</Text>
        </View>
      ) : null}
      {error ? <Text className="compose__error">{error}</Text> : null}
    </View>
  );
}
