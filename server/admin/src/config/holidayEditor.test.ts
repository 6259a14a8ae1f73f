import { holidayRange, periodsOf, scheduleProblems, weekdayName, withDays } from './holidayEditor';
import { checkForm } from './configForm';
import { childCodeError, regionOptions } from './regionPicker';
import { departmentsServing } from './RoutingRulesTab';
import { ConfigCategoryPatchSchema } from '@minqing/shared';

describe('holiday schedule editing', () => {
  it('turns a period into days and keeps one entry per date, in order', () => {
    const spring = holidayRange('2027-02-06', '2027-02-08', ' 春节 ');
    expect(spring).toEqual([
      { date: '2027-02-06', kind: 'holiday', name: '春节' },
      { date: '2027-02-07', kind: 'holiday', name: '春节' },
      { date: '2027-02-08', kind: 'holiday', name: '春节' },
    ]);
    const days = withDays(withDays([], spring), [
      { date: '2027-01-31', kind: 'workday', name: '春节' },
      { date: '2027-02-08', kind: 'workday', name: '春节' },
    ]);
    expect(days.map((day) => `${day.date} ${day.kind}`)).toEqual([
      '2027-01-31 workday',
      '2027-02-06 holiday',
      '2027-02-07 holiday',
      '2027-02-08 workday',
    ]);
    expect(weekdayName('2027-01-31')).toBe('周日');
  });

  it('summarises runs of days off with their make-up workdays', () => {
    const days = withDays(holidayRange('2027-10-01', '2027-10-03', '国庆节'), [
      ...holidayRange('2027-10-05', '2027-10-05', '国庆节'),
      { date: '2027-10-09', kind: 'workday', name: '国庆节' },
    ]);
    expect(periodsOf(days)).toEqual([
      { name: '国庆节', from: '2027-10-01', to: '2027-10-03', days: 3, workdays: ['2027-10-09'] },
      { name: '国庆节', from: '2027-10-05', to: '2027-10-05', days: 1, workdays: [] },
    ]);
  });

  it('finds what the server would refuse, naming the date', () => {
    expect(scheduleProblems(2027, holidayRange('2027-10-01', '2027-10-07', '国庆节'))).toEqual([]);
    expect(scheduleProblems(2027, [{ date: '2026-12-31', kind: 'holiday', name: '元旦' }])).toEqual([
      '2026-12-31：日期应在 2027 年内',
    ]);
    expect(scheduleProblems(2027, [{ date: '2027-09-30', kind: 'workday', name: '国庆节' }])).toEqual([
      '2027-09-30 不是周末，无需调休上班',
    ]);
    expect(scheduleProblems(2027, [{ date: '2027-10-01', kind: 'holiday', name: '' }])).toEqual([
      '2027-10-01：请填写节日名称',
    ]);
  });
});

describe('configuration form helpers', () => {
  it('checks with the shared schema, blank optional fields cleared to null', () => {
    expect(
      checkForm(ConfigCategoryPatchSchema, { name: '供电', departmentKind: '  ', parentCode: undefined }, [
        'departmentKind',
        'parentCode',
      ]),
    ).toEqual({
      ok: true,
      data: { name: '供电', departmentKind: null, parentCode: null },
    });
    expect(checkForm(ConfigCategoryPatchSchema, { responseHours: 0, resolveDays: 400 })).toEqual({
      ok: false,
      errors: { responseHours: '响应时限至少 1 小时', resolveDays: '办结时限不能超过 365 个工作日' },
    });
  });

  it('accepts only a child code below the parent', () => {
    expect(childCodeError('610921100', '610921100201')).toBeNull();
    expect(childCodeError('610921100', '610921101201')).toContain('610921100');
    expect(childCodeError('610921100', '6109211002')).not.toBeNull();
    expect(childCodeError(null, '610922')).toBeNull();
  });

  it('offers the regions of one scope, and the departments serving a region or above it', () => {
    const tree = [
      {
        code: '610921',
        name: '汉阴县',
        level: 'county' as const,
        children: [
          {
            code: '610921100',
            name: '城关镇',
            level: 'township' as const,
            children: [{ code: '610921100201', name: '五一村', level: 'village' as const, children: [] }],
          },
          { code: '610921101', name: '涧池镇', level: 'township' as const, children: [] },
        ],
      },
    ];
    expect(regionOptions(tree, '610921100')).toEqual([
      { value: '610921100', title: '城关镇', children: [{ value: '610921100201', title: '五一村' }] },
    ]);
    expect(regionOptions(tree, '')[0].children).toHaveLength(2);
    const department = (id: string, regionCode: string, disabled = false) => ({
      id,
      name: id,
      level: 'township' as const,
      regionCode,
      regionName: '',
      kind: 'power',
      disabled,
    });
    const all = [
      department('county', '610921'),
      department('chengguan', '610921100'),
      department('jianchi', '610921101'),
      department('closed', '610921100', true),
    ];
    expect(departmentsServing(all, '610921100201').map((entry) => entry.id)).toEqual(['county', 'chengguan']);
    expect(departmentsServing(all, undefined)).toEqual([]);
  });
});
