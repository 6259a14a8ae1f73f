import type { StaffMe } from '@minqing/shared';
import type { Staff } from '../db/entities';
import { abilitiesOf } from '../policies/abilities';

export function presentStaff(staff: Staff): StaffMe {
  return {
    id: staff.id,
    username: staff.username,
    name: staff.name,
    role: staff.role,
    regionCode: staff.regionCode,
    ...(staff.departmentId ? { departmentId: staff.departmentId } : {}),
    ...(staff.mustChangePassword ? { mustChangePassword: true as const } : {}),
    ...(staff.wechatOpenid ? { wechatBound: true as const } : {}),
    abilities: abilitiesOf(staff.role),
  };
}
