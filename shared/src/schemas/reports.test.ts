import { LIMITS } from '../domain/limits';
import {
  RatingRequestSchema,
  ReportActionRequestSchema,
  StaffQueueQuerySchema,
  SubmitReportRequestSchema,
  TimelineEventSchema,
} from './reports';

const village = '610921100201';
const id = '01JBZ3K4M5N6P7Q8R9S0T1V2W3';

describe('report schemas', () => {
  it('accepts a report with text, voice or photos alone', () => {
    expect(
      SubmitReportRequestSchema.safeParse({ serviceCode: 'direct', villageCode: village, text: '路灯坏了' }).success,
    ).toBe(true);
    expect(
      SubmitReportRequestSchema.safeParse({ serviceCode: 'direct', villageCode: village, voice: { uploadId: id } })
        .success,
    ).toBe(true);
    expect(
      SubmitReportRequestSchema.safeParse({ serviceCode: 'direct', villageCode: village, photoUploadIds: [id] })
        .success,
    ).toBe(true);
  });

  it('needs at least one of text, voice and photos', () => {
    const result = SubmitReportRequestSchema.safeParse({ serviceCode: 'direct', villageCode: village, text: '   ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['text']);
  });

  it('allows anonymity only for 违法举报 and at most nine distinct photos', () => {
    expect(
      SubmitReportRequestSchema.safeParse({
        serviceCode: 'illegal',
        villageCode: village,
        text: '有人赌博',
        anonymous: true,
      }).success,
    ).toBe(true);
    expect(
      SubmitReportRequestSchema.safeParse({ serviceCode: 'direct', villageCode: village, text: 'x', anonymous: true })
        .success,
    ).toBe(false);
    const ten = Array.from({ length: LIMITS.reportPhotosMax + 1 }, () => id);
    expect(
      SubmitReportRequestSchema.safeParse({ serviceCode: 'direct', villageCode: village, photoUploadIds: ten }).success,
    ).toBe(false);
    expect(
      SubmitReportRequestSchema.safeParse({ serviceCode: 'direct', villageCode: village, photoUploadIds: [id, id] })
        .success,
    ).toBe(false);
  });

  it('limits the text length', () => {
    const long = 'a'.repeat(LIMITS.reportTextMax + 1);
    expect(
      SubmitReportRequestSchema.safeParse({ serviceCode: 'direct', villageCode: village, text: long }).success,
    ).toBe(false);
  });

  it('requires what each staff action needs', () => {
    expect(ReportActionRequestSchema.safeParse({ action: 'sign' }).success).toBe(true);
    expect(ReportActionRequestSchema.safeParse({ action: 'return' }).success).toBe(false);
    expect(ReportActionRequestSchema.safeParse({ action: 'return', note: '不属于本部门' }).success).toBe(true);
    expect(ReportActionRequestSchema.safeParse({ action: 'assign', departmentId: 'x' }).success).toBe(false);
    expect(
      ReportActionRequestSchema.safeParse({ action: 'request_extension', note: '缺材料', extensionDays: 0 }).success,
    ).toBe(false);
    expect(ReportActionRequestSchema.safeParse({ action: 'refuse_extension' }).success).toBe(false);
    expect(ReportActionRequestSchema.safeParse({ action: 'refuse_extension', note: '  ' }).success).toBe(false);
    expect(
      ReportActionRequestSchema.safeParse({ action: 'refuse_extension', note: '材料已齐，请按期办结' }).success,
    ).toBe(true);
  });

  it('names the scheduler and extension events on the timeline', () => {
    const event = {
      id,
      at: '2026-11-22T08:00:00.000Z',
      status: 'accepted',
      note: null,
      department: null,
      actor: '系统',
      attachments: [],
      public: false,
    };
    for (const type of ['remind', 'escalate', 'refuse_extension', 'auto_close']) {
      expect(TimelineEventSchema.safeParse({ ...event, type }).success).toBe(true);
    }
  });

  it('takes ratings of 1 to 5', () => {
    expect(RatingRequestSchema.safeParse({ score: 0 }).success).toBe(false);
    expect(RatingRequestSchema.safeParse({ score: 5, comment: '满意' }).success).toBe(true);
    expect(RatingRequestSchema.safeParse({ score: 4.5 }).success).toBe(false);
  });

  it('reads queue filters from a query string', () => {
    const parsed = StaffQueueQuerySchema.parse({ status: 'dispatched,accepted', overdue: 'true', page: '2' });
    expect(parsed).toMatchObject({
      status: ['dispatched', 'accepted'],
      overdue: true,
      page: 2,
      pageSize: LIMITS.pageSizeDefault,
      sort: '-submittedAt',
    });
    expect(StaffQueueQuerySchema.safeParse({ pageSize: '500' }).success).toBe(false);
  });
});
