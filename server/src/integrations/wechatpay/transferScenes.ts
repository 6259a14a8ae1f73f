import { PAYOUT_KIND_NAMES, type PayoutKind } from '@minqing/shared';

/** One 转账场景报备信息 line: WeChat Pay fixes the info_type names per scene; the content is ours (1–32 characters). */
export interface SceneReportInfo {
  info_type: string;
  info_content: string;
}

/** What a payout says about itself, whatever the scene. */
export interface TransferPurpose {
  kind: PayoutKind;
  /** What the money is for, as the recipient may read it (≤ 32 characters): the reward's remark, 2026-11 网格员补贴. */
  detail: string;
}

interface TransferScene {
  name: string;
  /** The payouts this scene may carry: a scene is granted for one business purpose. */
  kinds: readonly PayoutKind[];
  /** user_recv_perception: the reason the recipient sees, one of those the scene allows. */
  perception: string;
  reportInfos(purpose: TransferPurpose): SceneReportInfo[];
}

const clip = (text: string) => text.slice(0, 32);

/**
 * The 商家转账 scenes we can send in, with the fields WeChat Pay requires of each (its scene pages
 * under 商家转账 → 转账场景; a request whose fields belong to another scene is refused with 400
 * PARAM_ERROR or INVALID_REQUEST):
 * - 1000 现金营销: user_recv_perception 现金奖励 or 活动奖励; two report lines, 活动名称 and 奖励说明.
 * - 1005 佣金报酬: user_recv_perception 劳务报酬; two report lines, 岗位类型 and 报酬说明.
 * A merchant granted only 现金营销 may send subsidies in it too (WECHATPAY_SUBSIDY_SCENE_ID=1000);
 * a reward for a report is no 佣金报酬, so 1005 never carries one.
 */
export const TRANSFER_SCENES: Readonly<Record<string, TransferScene>> = {
  '1000': {
    name: '现金营销',
    kinds: ['reward', 'subsidy'],
    perception: '现金奖励',
    reportInfos: ({ kind, detail }) => [
      { info_type: '活动名称', info_content: kind === 'reward' ? '违法举报奖励' : PAYOUT_KIND_NAMES.subsidy },
      { info_type: '奖励说明', info_content: clip(detail) },
    ],
  },
  '1005': {
    name: '佣金报酬',
    kinds: ['subsidy'],
    perception: '劳务报酬',
    reportInfos: ({ detail }) => [
      { info_type: '岗位类型', info_content: '网格员' },
      { info_type: '报酬说明', info_content: clip(detail) },
    ],
  },
};

/** Why this scene cannot carry this kind of payout, or null when it can. */
export function sceneProblem(sceneId: string, kind: PayoutKind): string | null {
  const scene = TRANSFER_SCENES[sceneId];
  if (!scene)
    return `转账场景 ${sceneId} is not one we know the fields of (${Object.keys(TRANSFER_SCENES).join(', ')})`;
  if (!scene.kinds.includes(kind)) return `转账场景 ${sceneId} ${scene.name} cannot carry a ${PAYOUT_KIND_NAMES[kind]}`;
  return null;
}

/** The scene fields of a transfer: scene id, perception and report lines. */
export function sceneFields(sceneId: string, purpose: TransferPurpose) {
  const scene = TRANSFER_SCENES[sceneId];
  if (!scene?.kinds.includes(purpose.kind)) throw new Error(sceneProblem(sceneId, purpose.kind) ?? 'unknown scene');
  return { sceneId, perception: scene.perception, reportInfos: scene.reportInfos(purpose) };
}
