import type { MyDataExport } from '@minqing/shared'

/** A whole 导出我的数据 answer: one report with a photo, a message, an upload, a notice read, a deletion request. */
const photo = { id: '01JPHOTO000000000000000001', kind: 'photo' as const, contentType: 'image/jpeg', size: 2048, durationSeconds: null, url: '/api/v1/uploads/01JPHOTO000000000000000001/content' }

export const MY_DATA: MyDataExport = {
  exportedAt: '2026-11-22T02:00:00.000Z',
  about: '这是"321 民情在线"保存的与您有关的全部信息。',
  profile: { id: 'u1', nickname: '王大娘', villageCode: '610921100201', villageName: '五一村', phone: '13912345678', careMode: true, wechatOpenid: 'o-1', wechatUnionid: null, registeredAt: '2026-11-01T00:00:00.000Z' },
  reports: [
    {
      id: 'r1',
      serialNo: 'HY20261122-0001',
      status: 'resolved',
      statusName: '已办结，请评价',
      serviceCode: 'direct',
      villageCode: '610921100201',
      villageName: '五一村',
      excerpt: '电线杆倾斜了',
      category: { code: 'power', name: '供电' },
      department: { id: 'D1', name: '城关镇供电所' },
      tier: 'general',
      submittedAt: '2026-11-22T02:00:00.000Z',
      responseDueAt: null,
      resolveDueAt: '2026-11-25T08:00:00.000Z',
      rating: null,
      text: '电线杆倾斜了',
      transcript: null,
      voice: null,
      photos: [photo],
      location: { lat: 32.89, lng: 108.5, address: '五一村村口' },
      anonymous: false,
      ratingComment: null,
      deputy: null,
      timeline: [{ id: 'e1', type: 'resolve', at: '2026-11-23T02:00:00.000Z', status: 'resolved', note: '已扶正', department: { id: 'D1', name: '城关镇供电所' }, actor: '城关镇供电所', attachments: [], public: true }],
      allowedActions: ['rate'],
      contactPhone: '13912345678',
    },
  ],
  messages: [{ id: 'm1', kind: 'report_resolved', title: '已办结，请评价', body: '您反映的「电线杆倾斜了」（编号 HY20261122-0001）已由城关镇供电所办结。', reportId: 'r1', noticeId: null, articleId: null, createdAt: '2026-11-23T02:00:00.000Z', readAt: null }],
  uploads: [{ ...photo, reportId: 'r1', uploadedAt: '2026-11-22T01:59:00.000Z' }],
  noticeReads: [{ noticeId: 'n1', title: '冬季用电安全', readAt: '2026-11-20T00:00:00.000Z' }],
  deletionRequests: [{ id: 'd1', status: 'pending', reason: null, requestedAt: '2026-11-22T02:00:00.000Z', dueBy: '2026-12-12T15:59:59.999Z', handledAt: null, message: '我们已收到您的注销申请。' }],
}
