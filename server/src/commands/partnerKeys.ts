import { createHash, randomBytes } from 'node:crypto';
import type { Partner as PartnerView } from '@minqing/shared';
import { type EntityManager, In } from 'typeorm';
import type { AppDeps } from '../context';
import { transaction } from '../db/dataSource';
import { Citizen, Partner, Report, Staff } from '../db/entities';
import { newId } from '../db/ids';
import { conflict, notFound } from '../errors';
import { recordAudit } from './auditRecorder';

const KEY_PREFIX = 'mq311_';

/** Only this hash is stored: a leaked database does not leak keys. */
export const hashApiKey = (apiKey: string) => createHash('sha256').update(apiKey, 'utf8').digest('hex');

/** The account a partner files under: never a person, so it carries no nickname, phone or village. */
const partnerOpenid = (partnerId: string) => `open311:${partnerId}`;

/**
 * Issues a partner its api_key: shown once in the answer, kept as a SHA-256 with its first
 * characters to tell keys apart. The partner files as an account of its own, so its requests are
 * remembered (and answered again) like any submitter's. Audited.
 */
export async function createPartner(
  deps: Pick<AppDeps, 'dataSource' | 'clock'>,
  props: { staff: Staff; name: string; ip: string },
): Promise<{ partner: Partner; apiKey: string }> {
  const apiKey = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
  const now = deps.clock();
  const partnerId = newId();
  return transaction(deps.dataSource, async (manager) => {
    const citizen = Object.assign(new Citizen(), {
      id: newId(),
      openid: partnerOpenid(partnerId),
      unionid: null,
      nickname: null,
      villageCode: null,
      phoneEncrypted: null,
      phoneHash: null,
      careMode: false,
      createdAt: now,
    });
    await manager.getRepository(Citizen).insert(citizen);
    const partner = Object.assign(new Partner(), {
      id: partnerId,
      name: props.name,
      keyHash: hashApiKey(apiKey),
      keyPrefix: apiKey.slice(0, KEY_PREFIX.length + 4),
      citizenId: citizen.id,
      createdById: props.staff.id,
      revokedAt: null,
      revokedById: null,
      createdAt: now,
    });
    await manager.getRepository(Partner).insert(partner);
    await recordAudit(manager, {
      staff: props.staff,
      action: 'partner.create',
      targetType: 'partner',
      targetId: partner.id,
      ip: props.ip,
      detail: props.name,
      at: now,
    });
    return { partner, apiKey };
  });
}

/** Revokes a key for good (a partner that needs one again is issued a new one). Audited. */
export async function revokePartner(
  deps: Pick<AppDeps, 'dataSource' | 'clock'>,
  props: { staff: Staff; partnerId: string; ip: string },
): Promise<Partner> {
  const now = deps.clock();
  return transaction(deps.dataSource, async (manager) => {
    const partner = await manager.getRepository(Partner).findOneBy({ id: props.partnerId });
    if (!partner) throw notFound('没有找到该合作方');
    if (partner.revokedAt) throw conflict('该密钥已吊销');
    await manager.getRepository(Partner).update({ id: partner.id }, { revokedAt: now, revokedById: props.staff.id });
    await recordAudit(manager, {
      staff: props.staff,
      action: 'partner.revoke',
      targetType: 'partner',
      targetId: partner.id,
      ip: props.ip,
      detail: partner.name,
      at: now,
    });
    return Object.assign(partner, { revokedAt: now, revokedById: props.staff.id });
  });
}

/** The partner and its account for a presented api_key; null for an unknown or revoked key. */
export async function partnerByKey(
  manager: EntityManager,
  apiKey: string,
): Promise<{ partner: Partner; citizen: Citizen } | null> {
  const partner = await manager.getRepository(Partner).findOneBy({ keyHash: hashApiKey(apiKey) });
  if (!partner || partner.revokedAt) return null;
  const citizen = await manager.getRepository(Citizen).findOneBy({ id: partner.citizenId });
  return citizen ? { partner, citizen } : null;
}

/** What the 合作方 page shows: never the key or its hash. */
export async function presentPartners(manager: EntityManager, partners: Partner[]): Promise<PartnerView[]> {
  const staffIds = [...new Set(partners.flatMap((partner) => (partner.createdById ? [partner.createdById] : [])))];
  const staff = staffIds.length ? await manager.getRepository(Staff).findBy({ id: In(staffIds) }) : [];
  const counts = await Promise.all(
    partners.map((partner) => manager.getRepository(Report).countBy({ citizenId: partner.citizenId })),
  );
  return partners.map((partner, index) => ({
    id: partner.id,
    name: partner.name,
    keyPrefix: partner.keyPrefix,
    createdAt: partner.createdAt.toISOString(),
    createdBy: staff.find((row) => row.id === partner.createdById)?.name ?? null,
    revokedAt: partner.revokedAt?.toISOString() ?? null,
    reportsFiled: counts[index],
  }));
}
