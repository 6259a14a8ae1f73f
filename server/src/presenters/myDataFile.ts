import {
  CITIZEN_STATUS_NAMES,
  SERVICE_NAMES,
  type Attachment,
  type DeletionRequestStatus,
  type MyDataExport,
  type MyDataFile,
} from '@minqing/shared';
import { localDateOf, localTimeOf } from '../deadlines/workingCalendar';

/**
 * 导出我的数据 as a file a villager can read: the export's fields under Chinese labels
 * (shared MyDataFileSchema), states in words, times in Beijing time.
 */
type ExportedReport = MyDataExport['reports'][number];

const DELETION_STATUS_NAMES: Record<DeletionRequestStatus, string> = {
  pending: '处理中',
  completed: '已注销',
  rejected: '未能办理',
};

/** 2026年11月20日 09:30, Beijing time; '' for no time. */
function when(iso: string | null): string {
  if (!iso) return '';
  const instant = new Date(iso);
  const [year, month, day] = localDateOf(instant).split('-').map(Number);
  return `${year}年${month}月${day}日 ${localTimeOf(instant)}`;
}

const orEmpty = (value: string | null | undefined): string => value ?? '';

function savedFile(attachment: Attachment) {
  return {
    类型: attachment.kind === 'voice' ? ('语音' as const) : ('照片' as const),
    文件格式: attachment.contentType,
    '大小（字节）': attachment.size,
    '时长（秒）': attachment.durationSeconds,
    地址: attachment.url,
  };
}

function place(location: ExportedReport['location']): string {
  if (!location) return '';
  return location.address ?? `${location.lat}, ${location.lng}`;
}

function reportEntry(report: ExportedReport): MyDataFile['反映的问题'][number] {
  return {
    编号: report.serialNo,
    状态: CITIZEN_STATUS_NAMES[report.status],
    事项类型: SERVICE_NAMES[report.serviceCode],
    所在村: report.villageName,
    反映内容: orEmpty(report.text),
    语音文字: orEmpty(report.transcript),
    语音: report.voice ? savedFile(report.voice) : null,
    照片: report.photos.map(savedFile),
    位置: place(report.location),
    问题类别: report.category?.name ?? '',
    承办部门: report.department?.name ?? '',
    反映给代表: report.deputy ? `${report.deputy.name}（${report.deputy.title}）` : '',
    匿名举报: report.anonymous ? '是' : '否',
    联系电话: orEmpty(report.contactPhone),
    提交时间: when(report.submittedAt),
    应办结时间: when(report.resolveDueAt),
    评价: report.rating === null ? '未评价' : `${report.rating}星`,
    评价内容: orEmpty(report.ratingComment),
    办理进度: report.timeline.map((event) => ({
      时间: when(event.at),
      进度: CITIZEN_STATUS_NAMES[event.status],
      办理方: event.department?.name ?? orEmpty(event.actor),
      说明: orEmpty(event.note),
      附件: event.attachments.map(savedFile),
    })),
  };
}

export function presentMyDataFile(data: MyDataExport): MyDataFile {
  const serialNos = new Map(data.reports.map((report) => [report.id, report.serialNo]));
  return {
    说明: data.about,
    导出时间: when(data.exportedAt),
    个人资料: {
      用户编号: data.profile.id,
      称呼: orEmpty(data.profile.nickname),
      所在村: orEmpty(data.profile.villageName),
      所在村代码: orEmpty(data.profile.villageCode),
      手机号: orEmpty(data.profile.phone),
      关怀模式: data.profile.careMode ? '已开启' : '未开启',
      微信OpenID: data.profile.wechatOpenid,
      微信UnionID: orEmpty(data.profile.wechatUnionid),
      注册时间: when(data.profile.registeredAt),
    },
    反映的问题: data.reports.map(reportEntry),
    消息: data.messages.map((message) => ({
      标题: message.title,
      内容: message.body,
      时间: when(message.createdAt),
      已读: message.readAt ? `已读（${when(message.readAt)}）` : '未读',
    })),
    上传的照片和语音: data.uploads.map((upload) => ({
      ...savedFile(upload),
      所属反映: upload.reportId ? orEmpty(serialNos.get(upload.reportId)) : '',
      上传时间: when(upload.uploadedAt),
    })),
    看过的通知: data.noticeReads.map((read) => ({ 通知标题: orEmpty(read.title), 阅读时间: when(read.readAt) })),
    注销申请: data.deletionRequests.map((request) => ({
      状态: DELETION_STATUS_NAMES[request.status],
      申请时间: when(request.requestedAt),
      处理期限: when(request.dueBy),
      处理时间: when(request.handledAt),
      原因: orEmpty(request.reason),
      说明: request.message,
    })),
  };
}
