import { VolunteerAwardRequestSchema } from '@minqing/shared';
import type { VolunteerAwardRequest } from '@minqing/shared';
import type { Dayjs } from 'dayjs';

export interface VolunteerFormValues {
  phone?: string;
  activity?: string;
  date?: Dayjs | null;
  /** Empty: the county's rule decides. */
  points?: number | null;
}

export const VOLUNTEER_FIELDS = ['phone', 'activity', 'activityDate', 'points'] as const;
export type VolunteerField = (typeof VOLUNTEER_FIELDS)[number];

/** The form → POST /staff/points/volunteer; the date picker's field is `date`, the request's `activityDate`. */
export function buildVolunteerRequest(
  values: VolunteerFormValues,
): { ok: true; body: VolunteerAwardRequest } | { ok: false; errors: { field: VolunteerField; message: string }[] } {
  const parsed = VolunteerAwardRequestSchema.safeParse({
    phone: (values.phone ?? '').trim(),
    activity: values.activity ?? '',
    activityDate: values.date ? values.date.format('YYYY-MM-DD') : '',
    ...(values.points ? { points: values.points } : {}),
  });
  if (parsed.success) return { ok: true, body: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const field = String(issue.path[0]) as VolunteerField;
      return { field, message: field === 'activityDate' && !values.date ? '请选择活动日期' : issue.message };
    }),
  };
}
