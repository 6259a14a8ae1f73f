import type { Department, RegionNode, StaffAccount } from '@minqing/shared';
import {
  assignableRoles,
  buildCreateRequest,
  buildUpdateRequest,
  departmentsServing,
  regionOptions,
  valuesAfterRoleChange,
} from './accountForm';

const grid: RegionNode = { code: '610921100201001', name: '第一网格', level: 'grid', children: [] };
const village: RegionNode = { code: '610921100201', name: '五一村', level: 'village', children: [grid] };
const chengguan: RegionNode = { code: '610921100', name: '城关镇', level: 'township', children: [village] };
const jianchi: RegionNode = { code: '610921101', name: '涧池镇', level: 'township', children: [] };
const tree: RegionNode[] = [{ code: '610921', name: '汉阴县', level: 'county', children: [chengguan, jianchi] }];

const power: Department = {
  id: '01J000000000000000000000D1',
  name: '城关镇供电所',
  level: 'township',
  regionCode: '610921100',
};
const bureau: Department = {
  id: '01J000000000000000000000D2',
  name: '县农业农村局',
  level: 'county',
  regionCode: '610921',
};
const jianchiPower: Department = {
  id: '01J000000000000000000000D3',
  name: '涧池镇供电所',
  level: 'township',
  regionCode: '610921101',
};

const account: StaffAccount = {
  id: '01J000000000000000000000A1',
  username: 'wang',
  name: '王芳',
  role: 'dispatcher',
  regionCode: '610921100',
  regionName: '城关镇',
  departmentId: null,
  departmentName: null,
  disabled: false,
  lockedUntil: null,
  mustChangePassword: false,
  wechatBound: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  allowedActions: ['edit', 'disable', 'reset_password'],
};

describe('who may be given which role', () => {
  it('lets the county centre give only the working roles, the sysadmin every role, others none', () => {
    expect(assignableRoles('county')).toEqual(['grid_worker', 'liaison', 'cadre', 'dispatcher', 'handler']);
    expect(assignableRoles('sysadmin')).toContain('county');
    expect(assignableRoles('dispatcher')).toEqual([]);
  });
});

describe('the scope pickers', () => {
  it("offers only regions of the role's level and nothing below the deepest", () => {
    const [county] = regionOptions(tree, '610921', ['township']);
    expect(county.selectable).toBe(false);
    expect(county.children.map((child) => [child.title, child.selectable])).toEqual([
      ['城关镇', true],
      ['涧池镇', true],
    ]);
    expect(county.children[0].children).toEqual([]);
    const [forCadre] = regionOptions(tree, '610921', ['village']);
    expect(forCadre.children[0].children[0]).toMatchObject({ title: '五一村', selectable: true, children: [] });
  });

  it("starts from the manager's own region", () => {
    expect(regionOptions(tree, '610921101', ['township']).map((option) => option.title)).toEqual(['涧池镇']);
    expect(regionOptions(tree, '999999', ['township'])).toEqual([]);
  });

  it('lists the departments that serve the chosen region', () => {
    expect(departmentsServing([power, bureau, jianchiPower], '610921100')).toEqual([power, bureau]);
    expect(departmentsServing([power], undefined)).toEqual([]);
  });

  it('clears a region of the wrong level and a department the new role cannot have', () => {
    expect(
      valuesAfterRoleChange({ role: 'dispatcher', regionCode: '610921100201', departmentId: power.id }, 'village'),
    ).toMatchObject({ regionCode: undefined, departmentId: null });
    expect(
      valuesAfterRoleChange({ role: 'handler', regionCode: '610921100', departmentId: power.id }, 'township'),
    ).toMatchObject({ regionCode: '610921100', departmentId: power.id });
  });
});

describe('creating an account', () => {
  const complete = {
    username: ' li_si ',
    name: '李四',
    role: 'handler' as const,
    regionCode: '610921100',
    departmentId: power.id,
    passwordMode: 'generate' as const,
  };

  it('builds the request, leaving the password to the server when it is to be generated', () => {
    expect(buildCreateRequest(complete)).toEqual({
      ok: true,
      request: { username: 'li_si', name: '李四', role: 'handler', regionCode: '610921100', departmentId: power.id },
    });
  });

  it('says what is missing, one message per field', () => {
    const checked = buildCreateRequest({ passwordMode: 'generate' });
    expect(checked).toEqual({
      ok: false,
      errors: [
        { field: 'username', message: '请输入账号' },
        { field: 'name', message: '请输入姓名' },
        { field: 'role', message: '请选择角色' },
        { field: 'regionCode', message: '请选择管辖范围' },
      ],
    });
  });

  it('needs a department for a handler and none for a dispatcher', () => {
    expect(buildCreateRequest({ ...complete, departmentId: null })).toEqual({
      ok: false,
      errors: [{ field: 'departmentId', message: '请选择所属部门' }],
    });
    expect(buildCreateRequest({ ...complete, role: 'dispatcher' })).toEqual({
      ok: false,
      errors: [{ field: 'departmentId', message: '该角色不属于部门' }],
    });
  });

  it('checks a chosen password against the strength rule and the username', () => {
    expect(buildCreateRequest({ ...complete, passwordMode: 'manual' })).toMatchObject({
      ok: false,
      errors: [{ field: 'password', message: '请输入初始密码，或选择系统生成' }],
    });
    expect(buildCreateRequest({ ...complete, passwordMode: 'manual', password: 'abcdefgh' })).toMatchObject({
      ok: false,
      errors: [{ field: 'password' }],
    });
    expect(buildCreateRequest({ ...complete, passwordMode: 'manual', password: 'Li_si#2026' })).toEqual({
      ok: false,
      errors: [{ field: 'password', message: '密码不能包含账号' }],
    });
    expect(buildCreateRequest({ ...complete, passwordMode: 'manual', password: 'Start#2026' })).toMatchObject({
      ok: true,
      request: { password: 'Start#2026' },
    });
  });

  it('refuses a username the server would refuse', () => {
    expect(buildCreateRequest({ ...complete, username: '王芳' })).toMatchObject({
      ok: false,
      errors: [{ field: 'username' }],
    });
  });
});

describe('editing an account', () => {
  it('sends only what changed', () => {
    expect(
      buildUpdateRequest(account, { name: '王芳芳', role: 'dispatcher', regionCode: '610921100', departmentId: null }),
    ).toEqual({ ok: true, request: { name: '王芳芳' } });
    expect(
      buildUpdateRequest(account, { name: '王芳', role: 'handler', regionCode: '610921100', departmentId: power.id }),
    ).toEqual({
      ok: true,
      request: { role: 'handler', departmentId: power.id },
    });
    expect(buildUpdateRequest(account, { name: '王芳', role: 'dispatcher', regionCode: '610921100' })).toEqual({
      ok: true,
      request: {},
    });
  });

  it('refuses an empty name and a handler without a department', () => {
    expect(buildUpdateRequest(account, { name: ' ', role: 'handler', regionCode: '610921100' })).toEqual({
      ok: false,
      errors: [
        { field: 'name', message: '请输入姓名' },
        { field: 'departmentId', message: '请选择所属部门' },
      ],
    });
  });
});
