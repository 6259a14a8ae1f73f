import crypto from 'node:crypto';
import Pay from 'wechatpay-node-v3';
import type { PayoutKind, TransferState } from '@minqing/shared';
import type { WechatPayConfig } from './wechatPayConfig';
import { signatureProblem, wechatpayHeaders } from './signatures';
import type { SceneReportInfo } from './transferScenes';

/** A transfer bill as WeChat Pay answers it (create, query and notification share these fields). */
export interface TransferBill {
  out_bill_no: string;
  transfer_bill_no?: string;
  state: TransferState;
  package_info?: string;
  fail_reason?: string;
}

export interface TransferRequest {
  outBillNo: string;
  openid: string;
  amountFen: number;
  remark: string;
  /** The 转账场景 (transfer_scene_id); the two fields below must be the ones this scene takes (transferScenes.ts). */
  sceneId: string;
  /** What the recipient sees as the reason (用户收款感知). */
  perception: string;
  /** 转账场景报备信息: required by the scene. */
  reportInfos: SceneReportInfo[];
}

/** WeChat Pay said no (4xx with a code), as opposed to not answering at all. */
export class WechatPayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'WechatPayError';
  }
}

/** The answer could not be trusted or did not arrive: the transfer's fate is unknown until queried. */
export class WechatPayUnavailable extends Error {
  override name = 'WechatPayUnavailable';
}

/**
 * The merchant-transfer API (POST /v3/fund-app/mch-transfer/transfer-bills and its query), which
 * wechatpay-node-v3 does not cover: requests are signed with the library's getSignature and
 * getAuthorization, answers verified against WeChat Pay's public key before they are believed.
 */
export class WechatPayClient {
  private readonly pay: Pay;

  constructor(
    private readonly config: WechatPayConfig,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.pay = new Pay({
      appid: config.appid,
      mchid: config.mchid,
      serial_no: config.certSerial,
      // The library insists on a public key; with serial_no given it only keeps it.
      publicKey: Buffer.from(config.platformPublicKey),
      privateKey: Buffer.from(config.privateKey),
      key: config.apiV3Key,
    });
  }

  /** The 转账场景 this merchant sends a kind of payout in. */
  sceneIdOf(kind: PayoutKind): string {
    return this.config.sceneIds[kind];
  }

  createTransfer(request: TransferRequest): Promise<TransferBill> {
    return this.call<TransferBill>('POST', '/v3/fund-app/mch-transfer/transfer-bills', {
      appid: this.config.appid,
      out_bill_no: request.outBillNo,
      transfer_scene_id: request.sceneId,
      openid: request.openid,
      transfer_amount: request.amountFen,
      transfer_remark: request.remark,
      ...(this.config.notifyUrl ? { notify_url: this.config.notifyUrl } : {}),
      user_recv_perception: request.perception,
      transfer_scene_report_infos: request.reportInfos,
    });
  }

  /** 商户单号查询转账单: null when WeChat Pay never received the bill (it may be created again with the same number). */
  async queryTransfer(outBillNo: string): Promise<TransferBill | null> {
    try {
      return await this.call<TransferBill>(
        'GET',
        `/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/${encodeURIComponent(outBillNo)}`,
      );
    } catch (error) {
      if (error instanceof WechatPayError && error.status === 404) return null;
      throw error;
    }
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const payload = body === undefined ? '' : JSON.stringify(body);
    const nonce = crypto.randomBytes(16).toString('hex');
    const timestamp = String(Math.floor(this.clock().getTime() / 1000));
    const signature = this.pay.getSignature(method, nonce, timestamp, path, payload || undefined);
    let response: Response;
    try {
      response = await fetch(`${this.config.apiBase}${path}`, {
        method,
        headers: {
          Accept: 'application/json',
          Authorization: this.pay.getAuthorization(nonce, timestamp, signature),
          'Wechatpay-Serial': this.config.platformPublicKeyId,
          ...(payload ? { 'Content-Type': 'application/json' } : {}),
        },
        body: payload || undefined,
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new WechatPayUnavailable(`WeChat Pay unreachable: ${(error as Error).message}`);
    }
    const text = await response.text();
    if (response.status >= 500) throw new WechatPayUnavailable(`WeChat Pay answered ${response.status}`);
    const problem = signatureProblem(
      wechatpayHeaders((name) => response.headers.get(name) ?? undefined),
      text,
      { publicKey: this.config.platformPublicKey, id: this.config.platformPublicKeyId },
      this.clock(),
    );
    if (problem) throw new WechatPayUnavailable(`WeChat Pay answer not verified (${problem})`);
    const data = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (!response.ok)
      throw new WechatPayError(
        response.status,
        String(data.code ?? response.status),
        String(data.message ?? 'WeChat Pay refused the request'),
      );
    return data as T;
  }
}
