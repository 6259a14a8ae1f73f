import { Select } from 'antd';
import { DEPARTMENT_KINDS, DEPARTMENT_KIND_NAMES } from '@minqing/shared';
import type { DepartmentKind } from '@minqing/shared';

const OPTIONS = DEPARTMENT_KINDS.map((kind) => ({ value: kind, label: DEPARTMENT_KIND_NAMES[kind] }));

/** A kind in words; a kind stored before the list existed shows its code. */
export function departmentKindName(kind: string): string {
  return (DEPARTMENT_KIND_NAMES as Record<string, string>)[kind] ?? kind;
}

export interface DepartmentKindSelectProps {
  id?: string;
  value?: DepartmentKind | null;
  onChange?: (kind: DepartmentKind | null) => void;
  /** A category may have no kind (人工分派); a department always has one. */
  allowClear?: boolean;
  placeholder?: string;
}

/** 业务类型: one of the known kinds, in Chinese, searchable; never typed freely. */
export function DepartmentKindSelect({
  id,
  value,
  onChange,
  allowClear = false,
  placeholder = '请选择',
}: DepartmentKindSelectProps) {
  return (
    <Select<DepartmentKind>
      id={id}
      showSearch
      optionFilterProp="label"
      allowClear={allowClear}
      placeholder={placeholder}
      value={value ?? undefined}
      onChange={(kind) => onChange?.(kind ?? null)}
      options={OPTIONS}
    />
  );
}
