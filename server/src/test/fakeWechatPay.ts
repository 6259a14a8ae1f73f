import crypto from 'node:crypto';
import type { TransferState } from '@minqing/shared';
import type { WechatPayConfig } from '../integrations/wechatpay/wechatPayConfig';
import { FakeHttpServer, type FakeRequest, type FakeResponse } from './fakeHttp';

const TRANSFER_PATH = '/v3/fund-app/mch-transfer/transfer-bills';
const QUERY_PREFIX = `${TRANSFER_PATH}/out-bill-no/`;

function keyPair() {
  return crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

export interface FakeBill {
  out_bill_no: string;
  transfer_bill_no: string;
  state: TransferState;
  openid: string;
  transfer_amount: number;
  package_info?: string;
  fail_reason?: string;
}

interface SceneInfo {
  info_type?: unknown;
  info_content?: unknown;
}

/** What a create request carried for its scene, kept to be asserted on. */
export interface FakeSceneRequest {
  transfer_scene_id: string;
  user_recv_perception?: string;
  transfer_scene_report_infos: SceneInfo[];
}

/**
 * WeChat Pay's rules per 转账场景 (its scene pages under 商家转账): the 用户收款感知 it may show,
 * and the report lines, each of these info_types exactly once with 1–32 characters of content.
 */
const SCENE_RULES: Record<string, { perceptions: string[]; infoTypes: string[] }> = {
  '1000': { perceptions: ['现金奖励', '活动奖励'], infoTypes: ['活动名称', '奖励说明'] },
  '1005': { perceptions: ['劳务报酬'], infoTypes: ['岗位类型', '报酬说明'] },
};

/** WeChat Pay's answer to a request its scene does not allow, as it words them; null when the request fits. */
function sceneRefusal(
  input: Partial<FakeSceneRequest>,
  granted: ReadonlySet<string>,
): { code: string; message: string } | null {
  if (!input.transfer_scene_id || !granted.has(input.transfer_scene_id))
    return { code: 'INVALID_REQUEST', message: '该转账场景不可用' };
  const rules = SCENE_RULES[input.transfer_scene_id];
  if (input.user_recv_perception !== undefined && !rules.perceptions.includes(input.user_recv_perception)) {
    return { code: 'INVALID_REQUEST', message: '暂不支持展示当前传入的用户收款感知' };
  }
  const infos = input.transfer_scene_report_infos;
  if (!Array.isArray(infos) || infos.length === 0)
    return { code: 'PARAM_ERROR', message: '需传入转账场景报备信息,请检查' };
  const types = infos.map((info) => info.info_type);
  const fits =
    types.length === rules.infoTypes.length &&
    rules.infoTypes.every((type) => types.filter((given) => given === type).length === 1) &&
    infos.every(
      (info) =>
        typeof info.info_content === 'string' && info.info_content.length >= 1 && info.info_content.length <= 32,
    );
  return fits ? null : { code: 'PARAM_ERROR', message: '未传入完整且对应的转账场景报备信息,请根据接口文档检查' };
}

/**
 * WeChat Pay's merchant-transfer API as the tests see it: it checks each request's Authorization
 * with the merchant's public key, pays one out_bill_no once, answers in the real shapes signed
 * with its platform key, and builds signed, encrypted notifications.
 */
export class FakeWechatPay {
  readonly server = new FakeHttpServer();
  readonly merchant = keyPair();
  readonly platform = keyPair();
  readonly apiV3Key = crypto.randomBytes(16).toString('hex');
  readonly bills = new Map<string, FakeBill>();
  /** The state a newly created bill starts in. */
  initialState: TransferState = 'WAIT_USER_CONFIRM';
  /** While set, every request fails this way. */
  outage: 'down' | null = null;
  /** Requests whose signature did not verify. */
  readonly refused: FakeRequest[] = [];
  /** The scenes this merchant was granted; a request in another is refused. */
  grantedScenes = new Set(['1000', '1005']);
  /** The scene fields of each accepted bill, by out_bill_no. */
  readonly scenes = new Map<string, FakeSceneRequest>();

  async start(): Promise<this> {
    this.server.on('POST', TRANSFER_PATH, (request) => this.guarded(request, () => this.create(request)));
    this.server.on('GET', `${QUERY_PREFIX}*`, (request) =>
      this.guarded(request, () => {
        const bill = this.bills.get(decodeURIComponent(request.path.slice(QUERY_PREFIX.length)));
        return bill ? this.signed(200, bill) : this.signed(404, { code: 'NOT_FOUND', message: '记录不存在' });
      }),
    );
    await this.server.start();
    return this;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  config(overrides: Partial<WechatPayConfig> = {}): WechatPayConfig {
    return {
      mchid: '1900000109',
      appid: 'wx-test-appid',
      privateKey: this.merchant.privateKey,
      certSerial: 'MERCHANT-SERIAL-1',
      apiV3Key: this.apiV3Key,
      platformPublicKey: this.platform.publicKey,
      platformPublicKeyId: 'PUB_KEY_ID_0001',
      apiBase: this.server.baseUrl,
      notifyUrl: 'https://minqing.example.cn/api/v1/wechatpay/transfer-notify',
      sceneIds: { reward: '1000', subsidy: '1005' },
      ...overrides,
    };
  }

  /** Created bills (not counting repeats of the same out_bill_no). */
  get createdCount(): number {
    return this.bills.size;
  }

  setState(outBillNo: string, state: TransferState, failReason?: string): FakeBill {
    const bill = this.bills.get(outBillNo);
    if (!bill) throw new Error(`no bill ${outBillNo}`);
    Object.assign(bill, { state, ...(failReason ? { fail_reason: failReason } : {}) });
    if (state !== 'WAIT_USER_CONFIRM') delete bill.package_info;
    return bill;
  }

  /** A transfer-result notification as WeChat Pay posts it: body and headers. */
  notification(bill: FakeBill, options: { signWith?: string; ageSeconds?: number; tamper?: boolean } = {}) {
    const nonce = crypto.randomBytes(6).toString('hex');
    const cipher = crypto.createCipheriv('aes-256-gcm', Buffer.from(this.apiV3Key), Buffer.from(nonce));
    cipher.setAAD(Buffer.from('mch_payment'));
    const sealed = Buffer.concat([
      cipher.update(JSON.stringify({ ...bill, mch_id: '1900000109', update_time: new Date().toISOString() })),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    if (options.tamper) sealed[0] ^= 0xff;
    const body = JSON.stringify({
      id: crypto.randomUUID(),
      create_time: new Date().toISOString(),
      resource_type: 'encrypt-resource',
      event_type: 'MCHTRANSFER.BILL.FINISHED',
      summary: '商家转账单据终态通知',
      resource: {
        original_type: 'mch_payment',
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: sealed.toString('base64'),
        associated_data: 'mch_payment',
        nonce,
      },
    });
    return {
      body,
      headers: this.signatureHeaders(body, options.signWith ?? this.platform.privateKey, options.ageSeconds ?? 0),
    };
  }

  private signatureHeaders(body: string, privateKey: string, ageSeconds = 0): Record<string, string> {
    const timestamp = String(Math.floor(Date.now() / 1000) - ageSeconds);
    const nonce = crypto.randomBytes(16).toString('hex');
    const signature = crypto
      .createSign('RSA-SHA256')
      .update(`${timestamp}\n${nonce}\n${body}\n`)
      .sign(privateKey, 'base64');
    return {
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': signature,
      'Wechatpay-Serial': 'PUB_KEY_ID_0001',
      'Content-Type': 'application/json',
    };
  }

  private signed(status: number, data: unknown): FakeResponse {
    const body = JSON.stringify(data);
    return { status, headers: this.signatureHeaders(body, this.platform.privateKey), body };
  }

  private guarded(request: FakeRequest, work: () => FakeResponse): FakeResponse {
    if (this.outage === 'down') return { status: 503, body: 'service unavailable' };
    if (!this.authorized(request)) {
      this.refused.push(request);
      return this.signed(401, { code: 'SIGN_ERROR', message: '签名错误' });
    }
    return work();
  }

  /** WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",timestamp="…",serial_no="…",signature="…" */
  private authorized(request: FakeRequest): boolean {
    const header = String(request.headers.authorization ?? '');
    if (!header.startsWith('WECHATPAY2-SHA256-RSA2048 ')) return false;
    const fields = Object.fromEntries([...header.matchAll(/(\w+)="([^"]*)"/g)].map((match) => [match[1], match[2]]));
    if (fields.mchid !== '1900000109' || fields.serial_no !== 'MERCHANT-SERIAL-1') return false;
    const url = `${request.path}${request.query.size ? `?${request.query.toString()}` : ''}`;
    const message = `${request.method}\n${url}\n${fields.timestamp}\n${fields.nonce_str}\n${request.raw.toString('utf8')}\n`;
    return crypto
      .createVerify('RSA-SHA256')
      .update(message)
      .verify(this.merchant.publicKey, fields.signature ?? '', 'base64');
  }

  private create(request: FakeRequest): FakeResponse {
    const input = request.json as {
      out_bill_no: string;
      openid: string;
      transfer_amount: number;
    } & Partial<FakeSceneRequest>;
    const refusal = sceneRefusal(input, this.grantedScenes);
    if (refusal) return this.signed(400, refusal);
    const { transfer_scene_id, user_recv_perception, transfer_scene_report_infos } = input as FakeSceneRequest;
    this.scenes.set(input.out_bill_no, { transfer_scene_id, user_recv_perception, transfer_scene_report_infos });
    let bill = this.bills.get(input.out_bill_no);
    if (!bill) {
      bill = {
        out_bill_no: input.out_bill_no,
        transfer_bill_no: `1330000${this.bills.size + 1}`,
        state: this.initialState,
        openid: input.openid,
        transfer_amount: input.transfer_amount,
        ...(this.initialState === 'WAIT_USER_CONFIRM'
          ? { package_info: `affffddafdfafddffda==${input.out_bill_no}` }
          : {}),
      };
      this.bills.set(bill.out_bill_no, bill);
    }
    const { openid: _openid, transfer_amount: _amount, ...answer } = bill;
    return this.signed(200, { ...answer, create_time: new Date().toISOString() });
  }
}
