import type { EntityManager } from 'typeorm';
import { ReplyTemplate } from '../entities';
import { DEMO_REGIONS } from './regions';
import { stableId } from './stableId';

/**
 * Demo 答复模板: county-wide ones every township is offered, and a few 城关镇 wrote for itself.
 * Placeholders ({编号} {村} {部门} {分类}) are filled in by the admin panel before the handler edits.
 * Seeded only into an empty table: a template the staff deleted or rewrote stays that way.
 */
interface TemplateSeed {
  title: string;
  categoryCode: string | null;
  regionCode: string;
  body: string;
}

const TEMPLATES: readonly TemplateSeed[] = [
  {
    title: '已受理，正在办理',
    categoryCode: null,
    regionCode: DEMO_REGIONS.county,
    body: '您好！您反映的问题（编号 {编号}）已由{部门}受理，我们正在抓紧办理，办理结果将第一时间告知您。感谢您对我们工作的支持！',
  },
  {
    title: '已办结，请评价',
    categoryCode: null,
    regionCode: DEMO_REGIONS.county,
    body: '您好！您反映的{村}{分类}问题已办理完毕。如仍有问题，可在小程序中要求重办；满意的话请您给我们打个分，谢谢！',
  },
  {
    title: '不属于受理范围的说明',
    categoryCode: null,
    regionCode: DEMO_REGIONS.county,
    body: '您好！经核实，您反映的事项不属于本平台受理范围，建议您向有关部门咨询办理。给您带来不便，敬请谅解。',
  },
  {
    title: '停电抢修答复',
    categoryCode: 'power_outage',
    regionCode: DEMO_REGIONS.county,
    body: '您好！{村}停电情况我们已收到，{部门}抢修人员正在赶往现场排查线路，预计尽快恢复供电。抢修期间请远离断落电线，注意用电安全。',
  },
  {
    title: '电杆倾斜处置',
    categoryCode: 'power_pole',
    regionCode: DEMO_REGIONS.chengguan,
    body: '您好！您反映的{村}电杆倾斜问题，城关供电所已派人到现场查看并设置警示标志，将于近期扶正加固。请过往群众注意避让。',
  },
  {
    title: '饮水问题答复',
    categoryCode: 'water_supply',
    regionCode: DEMO_REGIONS.county,
    body: '您好！您反映的{村}饮水问题已交{部门}处理，工作人员将上门检查水源和管网，恢复供水前如有急需请联系村委会协调临时用水。',
  },
  {
    title: '道路塌方处置',
    categoryCode: 'roads',
    regionCode: DEMO_REGIONS.chengguan,
    body: '您好！您反映的{村}道路问题已安排人员现场查看，已设置警示标志并组织清理，请过往车辆和行人绕行、注意安全。',
  },
  {
    title: '环境卫生整治',
    categoryCode: 'sanitation',
    regionCode: DEMO_REGIONS.chengguan,
    body: '您好！您反映的{村}环境卫生问题，镇上已安排保洁人员清理，并请村委会加强日常巡查。感谢您共同维护村容村貌！',
  },
];

/** Inserts the demo templates when there are none yet; returns how many it inserted. */
export async function seedReplyTemplates(manager: EntityManager, now: Date): Promise<number> {
  const repository = manager.getRepository(ReplyTemplate);
  if ((await repository.count()) > 0) return 0;
  await repository.insert(
    TEMPLATES.map((template) => ({
      id: stableId(`reply-template:${template.title}`),
      ...template,
      enabled: true,
      createdById: null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  return TEMPLATES.length;
}
