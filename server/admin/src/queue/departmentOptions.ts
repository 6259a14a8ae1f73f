import { type Department, codeAtLevel, isWithin } from '@minqing/shared';

export interface DepartmentOption {
  value: string;
  label: string;
}
export interface DepartmentGroup {
  label: string;
  title: string;
  options: DepartmentOption[];
}

/** The township a region code lies in (9 digits); null above township level. */
export function townshipOf(regionCode: string | undefined | null): string | null {
  return regionCode ? codeAtLevel(regionCode, 'township') : null;
}

/**
 * The department picker's groups, nearest first, so typing 民政 finds 城关镇民政办 before
 * 县民政局: 本镇 (the report's township stations), 本镇村(社区), 县直 (county bureaus), then
 * other townships' stations and villages (a county supervisor sees them all). Without a
 * township (a county-wide choice) the county bureaus come first.
 */
export function departmentGroups(departments: Department[], townshipCode: string | null): DepartmentGroup[] {
  const local = (department: Department) => townshipCode !== null && isWithin(department.regionCode, townshipCode);
  const groups: [string, (department: Department) => boolean][] = [
    ['本镇', (department) => department.level === 'township' && local(department)],
    ['本镇村(社区)', (department) => department.level === 'village' && local(department)],
    ['县直', (department) => department.level === 'county'],
    [townshipCode ? '其他镇' : '各镇', (department) => department.level === 'township' && !local(department)],
    [townshipCode ? '其他村(社区)' : '村(社区)', (department) => department.level === 'village' && !local(department)],
  ];
  return groups
    .map(([label, belongs]) => ({
      label,
      title: label,
      options: departments.filter(belongs).map((department) => ({ value: department.id, label: department.name })),
    }))
    .filter((group) => group.options.length > 0);
}
