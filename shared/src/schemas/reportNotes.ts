import { z } from 'zod';
import { LIMITS } from '../domain/limits';
import { freeText } from './text';

/** 内部备注: what staff tell each other about a report; citizens never see these. */
export const ReportNoteSchema = z.object({
  id: z.string(),
  body: z.string(),
  /** The writer and their department, as colleagues know them; null once the account is gone. */
  author: z.object({ id: z.string(), name: z.string(), departmentName: z.string().nullable() }).nullable(),
  createdAt: z.string(),
});
export type ReportNote = z.infer<typeof ReportNoteSchema>;

export const ReportNoteListSchema = z.object({ items: z.array(ReportNoteSchema) });
export type ReportNoteList = z.infer<typeof ReportNoteListSchema>;

export const ReportNoteInputSchema = z.object({
  body: freeText({ error: '请填写备注内容' })
    .min(1, '请填写备注内容')
    .max(LIMITS.noteMax, `备注不能超过${LIMITS.noteMax}字`),
});
export type ReportNoteInput = z.infer<typeof ReportNoteInputSchema>;

export const UNMASK_REASON_MAX = 200;

/** 查看完整号码: why the staff member needs the number; it goes into the audit log with who and when. */
export const ReporterContactRequestSchema = z.object({
  reason: freeText({ error: '请填写查看原因' })
    .min(2, '请填写查看原因（至少2个字）')
    .max(UNMASK_REASON_MAX, `查看原因不能超过${UNMASK_REASON_MAX}字`),
});
export type ReporterContactRequest = z.infer<typeof ReporterContactRequestSchema>;

export const ReporterContactSchema = z.object({
  nickname: z.string().nullable(),
  /** The full number, shown once to the staff member who asked. */
  phone: z.string(),
  /** Whether the number was given with the report or comes from the citizen's bound phone. */
  source: z.enum(['report', 'profile']),
});
export type ReporterContact = z.infer<typeof ReporterContactSchema>;
