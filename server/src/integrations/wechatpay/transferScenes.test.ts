import { FakeWechatPay } from '../../test/fakeWechatPay';
import { sceneFields, sceneProblem } from './transferScenes';
import { WechatPayClient, type WechatPayError } from './wechatPayClient';

describe('商家转账 scenes', () => {
  const pay = new FakeWechatPay();
  let client: WechatPayClient;
  let bills = 0;

  beforeAll(async () => {
    await pay.start();
    client = new WechatPayClient(pay.config());
  });
  afterAll(() => pay.stop());

  const transfer = (fields: ReturnType<typeof sceneFields>) =>
    client.createTransfer({
      outBillNo: `SCENE${(bills += 1)}`,
      openid: 'o-grid-worker',
      amountFen: 30_000,
      remark: '11月网格员补贴',
      ...fields,
    });

  it('sends a reward as 现金营销 and a subsidy as 佣金报酬, with the fields each scene takes', async () => {
    const reward = await transfer(sceneFields('1000', { kind: 'reward', detail: '违法举报查实奖励' }));
    expect(pay.scenes.get(reward.out_bill_no)).toEqual({
      transfer_scene_id: '1000',
      user_recv_perception: '现金奖励',
      transfer_scene_report_infos: [
        { info_type: '活动名称', info_content: '违法举报奖励' },
        { info_type: '奖励说明', info_content: '违法举报查实奖励' },
      ],
    });
    const subsidy = await transfer(sceneFields('1005', { kind: 'subsidy', detail: '2026-11 网格员补贴' }));
    expect(pay.scenes.get(subsidy.out_bill_no)).toEqual({
      transfer_scene_id: '1005',
      user_recv_perception: '劳务报酬',
      transfer_scene_report_infos: [
        { info_type: '岗位类型', info_content: '网格员' },
        { info_type: '报酬说明', info_content: '2026-11 网格员补贴' },
      ],
    });
    const inMarketing = await transfer(sceneFields('1000', { kind: 'subsidy', detail: '2026-11 网格员补贴' }));
    expect(pay.scenes.get(inMarketing.out_bill_no)?.transfer_scene_report_infos[0]).toEqual({
      info_type: '活动名称',
      info_content: '网格员补贴',
    });
  });

  it('is refused, as WeChat Pay refuses it, when the fields belong to another scene', async () => {
    const subsidyFields = sceneFields('1005', { kind: 'subsidy', detail: '2026-11 网格员补贴' });
    const rewardFields = sceneFields('1000', { kind: 'reward', detail: '违法举报查实奖励' });
    const refusal = (fields: ReturnType<typeof sceneFields>) =>
      transfer(fields).then(
        () => null,
        (error: WechatPayError) => error,
      );

    expect(await refusal({ ...subsidyFields, sceneId: '1000' })).toMatchObject({
      status: 400,
      code: 'INVALID_REQUEST',
      message: '暂不支持展示当前传入的用户收款感知',
    });
    expect(await refusal({ ...subsidyFields, sceneId: '1000', perception: '现金奖励' })).toMatchObject({
      status: 400,
      code: 'PARAM_ERROR',
    });
    expect(await refusal({ ...rewardFields, sceneId: '1005', perception: '劳务报酬' })).toMatchObject({
      status: 400,
      code: 'PARAM_ERROR',
    });
    expect(await refusal({ ...subsidyFields, reportInfos: subsidyFields.reportInfos.slice(0, 1) })).toMatchObject({
      status: 400,
      code: 'PARAM_ERROR',
    });
    expect(await refusal({ ...subsidyFields, reportInfos: [] })).toMatchObject({
      status: 400,
      code: 'PARAM_ERROR',
      message: '需传入转账场景报备信息,请检查',
    });
    expect(await refusal({ ...rewardFields, sceneId: '1009' })).toMatchObject({
      status: 400,
      code: 'INVALID_REQUEST',
      message: '该转账场景不可用',
    });
  });

  it('knows which scene may carry which payout', () => {
    expect(sceneProblem('1000', 'reward')).toBeNull();
    expect(sceneProblem('1000', 'subsidy')).toBeNull();
    expect(sceneProblem('1005', 'subsidy')).toBeNull();
    expect(sceneProblem('1005', 'reward')).toContain('佣金报酬');
    expect(sceneProblem('1009', 'subsidy')).toContain('1009');
  });
});
