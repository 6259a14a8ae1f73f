/**
 * 导出我的数据 as a villager reads it: every field under a Chinese label, states and kinds in words,
 * times as 2026年11月20日 09:30. The API keeps its typed English fields; the file does not.
 */
import { CITIZEN_STATUS_NAMES, SERVICE_NAMES, type Attachment, type DeletionRequestStatus, type MyDataExport } from '@minqing/shared'
import { formatDateTime } from '../../../components/NoticeCard/format'

type Exported = MyDataExport
type Report = Exported['reports'][number]

const yesNo = (value: boolean) => (value ? '是' : '否')
const orEmpty = (value: string | null | undefined) => value ?? ''

const DELETION_STATUS_NAMES: Record<DeletionRequestStatus, string> = { pending: '处理中', completed: '已注销', rejected: '未能办理' }

function file(attachment: Attachment) {
  return {
    类型: attachment.kind === 'voice' ? '语音' : '照片',
    文件格式: attachment.contentType,
    '大小（字节）': attachment.size,
    ...(attachment.durationSeconds === null ? {} : { '时长（秒）': attachment.durationSeconds }),
    地址: attachment.url,
  }
}

function report(item: Report) {
  return {
    编号: item.serialNo,
    状态: CITIZEN_STATUS_NAMES[item.status],
    事项类型: SERVICE_NAMES[item.serviceCode],
    所在村: item.villageName,
    反映内容: orEmpty(item.text),
    语音文字: orEmpty(item.transcript),
    语音: item.voice ? file(item.voice) : null,
    照片: item.photos.map(file),
    位置: item.location?.address ?? (item.location ? `${item.location.lat}, ${item.location.lng}` : ''),
    问题类别: item.category?.name ?? '',
    承办部门: item.department?.name ?? '',
    反映给代表: item.deputy ? `${item.deputy.name}（${item.deputy.title}）` : '',
    匿名举报: yesNo(item.anonymous),
    联系电话: orEmpty(item.contactPhone),
    提交时间: formatDateTime(item.submittedAt),
    应办结时间: formatDateTime(item.resolveDueAt),
    评价: item.rating === null ? '未评价' : `${item.rating}星`,
    评价内容: orEmpty(item.ratingComment),
    办理进度: item.timeline.map((event) => ({
      时间: formatDateTime(event.at),
      进度: CITIZEN_STATUS_NAMES[event.status],
      办理方: event.department?.name ?? orEmpty(event.actor),
      说明: orEmpty(event.note),
      附件: event.attachments.map(file),
    })),
  }
}

export function labelledExport(data: Exported) {
  return {
    说明: data.about,
    导出时间: formatDateTime(data.exportedAt),
    个人资料: {
      用户编号: data.profile.id,
      称呼: orEmpty(data.profile.nickname),
      所在村: orEmpty(data.profile.villageName),
      所在村代码: orEmpty(data.profile.villageCode),
      手机号: orEmpty(data.profile.phone),
      关怀模式: data.profile.careMode ? '已开启' : '未开启',
      微信标识OpenID: data.profile.wechatOpenid,
      微信标识UnionID: orEmpty(data.profile.wechatUnionid),
      注册时间: formatDateTime(data.profile.registeredAt),
    },
    反映的问题: data.reports.map(report),
    消息: data.messages.map((message) => ({
      标题: message.title,
      内容: message.body,
      时间: formatDateTime(message.createdAt),
      已读: message.readAt ? `已读（${formatDateTime(message.readAt)}）` : '未读',
    })),
    上传的照片和语音: data.uploads.map((upload) => ({
      ...file(upload),
      所属反映: data.reports.find((item) => item.id === upload.reportId)?.serialNo ?? '',
      上传时间: formatDateTime(upload.uploadedAt),
    })),
    看过的通知: data.noticeReads.map((read) => ({ 通知标题: orEmpty(read.title), 阅读时间: formatDateTime(read.readAt) })),
    注销申请: data.deletionRequests.map((request) => ({
      状态: DELETION_STATUS_NAMES[request.status],
      申请时间: formatDateTime(request.requestedAt),
      处理期限: formatDateTime(request.dueBy),
      处理时间: formatDateTime(request.handledAt),
      原因: orEmpty(request.reason),
      说明: request.message,
    })),
  }
}
