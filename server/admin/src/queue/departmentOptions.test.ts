import type { Department } from '@minqing/shared';
import { departmentGroups, townshipOf } from './departmentOptions';

const department = (id: string, name: string, level: Department['level'], regionCode: string): Department => ({
  id,
  name,
  level,
  regionCode,
});
const DEPARTMENTS = [
  department('C1', '县民政局', 'county', '610921'),
  department('T1', '城关镇民政办', 'township', '610921100'),
  department('T2', '涧池镇民政办', 'township', '610921101'),
  department('V1', '五一村村委会', 'village', '610921100201'),
];

describe('the department picker', () => {
  it("puts the report's township first, then its villages, then the county bureaus, then the rest", () => {
    expect(
      departmentGroups(DEPARTMENTS, '610921100').map((group) => [
        group.label,
        group.options.map((option) => option.label),
      ]),
    ).toEqual([
      ['本镇', ['城关镇民政办']],
      ['本镇村(社区)', ['五一村村委会']],
      ['县直', ['县民政局']],
      ['其他镇', ['涧池镇民政办']],
    ]);
  });

  it('puts the county bureaus first when no township is known', () => {
    expect(departmentGroups(DEPARTMENTS, null).map((group) => group.label)).toEqual(['县直', '各镇', '村(社区)']);
  });

  it('finds the township of a village, a township or nothing above', () => {
    expect(townshipOf('610921100201')).toBe('610921100');
    expect(townshipOf('610921100')).toBe('610921100');
    expect(townshipOf('610921')).toBeNull();
  });
});
