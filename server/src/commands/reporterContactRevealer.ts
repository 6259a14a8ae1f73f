import type { ReporterContact } from '@minqing/shared';
import type { AppDeps } from '../context';
import { Citizen, type Report, type Staff } from '../db/entities';
import { forbidden, notFound } from '../errors';
import { recordAudit } from './auditRecorder';

interface RevealProps {
  staff: Staff;
  /** A report the staff member may see (the caller has checked). */
  report: Report;
  reason: string;
  ip: string;
}

/**
 * 查看完整号码: decrypts the reporter's phone for one staff member. Every attempt leaves an audit
 * line — who, which report, from where, why — including the refused and the empty ones, so a
 * supervisor can see who tried to learn who reported what. An anonymous 违法举报 never reveals its reporter.
 */
export async function revealReporterContact(
  deps: AppDeps,
  { staff, report, reason, ip }: RevealProps,
): Promise<ReporterContact> {
  const audit = (action: string) =>
    recordAudit(deps.dataSource.manager, {
      staff,
      action,
      targetType: 'report',
      targetId: report.id,
      ip,
      detail: `${report.serialNo}：${reason}`,
    });
  if (report.anonymous) {
    await audit('reporter_contact.refused');
    throw forbidden('这是匿名举报，举报人身份依法保密，任何工作人员都不能查看');
  }
  const citizen = report.citizenId
    ? await deps.dataSource.getRepository(Citizen).findOneBy({ id: report.citizenId })
    : null;
  const sealed = report.contactPhoneEncrypted ?? report.onBehalfPhoneEncrypted ?? citizen?.phoneEncrypted ?? null;
  if (!sealed) {
    await audit('reporter_contact.missing');
    throw notFound('反映人没有留下联系电话，也未绑定手机号');
  }
  await audit('reporter_contact.view');
  return {
    nickname: citizen?.nickname ?? null,
    phone: deps.cipher.decrypt(sealed),
    source: report.contactPhoneEncrypted ? 'report' : 'profile',
  };
}
