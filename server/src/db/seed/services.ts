import { ANONYMOUS_SERVICES, SERVICE_CODES, SERVICE_NAMES } from '@minqing/shared';
import type { ServiceCode } from '@minqing/shared';
import type { ServiceEntity } from '../entities';

/** One line each, in the words a villager reads on the 民情直达 page. */
const DESCRIPTIONS: Record<ServiceCode, string> = {
  epidemic: '外出返乡、发热咳嗽、操办红白喜事，向村里报备一声。',
  risk: '因病、因灾、因意外或收入骤减，担心返贫致贫的，及时申报。',
  direct: '停电停水、道路、环境、邻里纠纷等身边事，直接反映给负责部门。',
  illegal: '举报赌博、盗窃、诈骗、非法捕捞等违法行为，可以匿名。',
  deputy: '给人大代表留言，说说您的意见和建议。',
};

/** The five 民情直达 services, in the order the mini-program shows them. */
export function demoServices(): ServiceEntity[] {
  return SERVICE_CODES.map((code, index) => ({
    code,
    name: SERVICE_NAMES[code],
    description: DESCRIPTIONS[code],
    allowAnonymous: ANONYMOUS_SERVICES.includes(code),
    enabled: true,
    sortOrder: index + 1,
  }));
}
