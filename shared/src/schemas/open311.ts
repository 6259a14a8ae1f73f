import { z } from 'zod';
import { LIMITS } from '../domain/limits';
import { PhoneSchema, RegionCodeSchema } from './common';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), as JSON. Field names are the
 * specification's, snake_case; a service is one of our categories, a request one public report.
 */

const commaList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1).max(100));

export const OPEN311_STATUSES = ['open', 'closed'] as const;

export const Open311RequestsQuerySchema = z.object({
  jurisdiction_id: z.string().max(64).optional(),
  service_request_id: commaList(z.string().min(1).max(24)).optional(),
  service_code: commaList(z.string().min(1).max(32)).optional(),
  start_date: z.iso.datetime({ offset: true }).optional(),
  end_date: z.iso.datetime({ offset: true }).optional(),
  status: commaList(z.enum(OPEN311_STATUSES)).optional(),
});
export type Open311RequestsQuery = z.infer<typeof Open311RequestsQuerySchema>;

/** POST requests.json, form-encoded or JSON: the spec's fields; address_id is the village's region code. */
export const Open311SubmitSchema = z.object({
  api_key: z.string().min(1).max(128),
  jurisdiction_id: z.string().max(64).optional(),
  service_code: z.string().min(1).max(32),
  address_id: RegionCodeSchema,
  description: z.string().trim().min(1).max(LIMITS.reportTextMax),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  address_string: z.string().max(200).optional(),
  phone: PhoneSchema.optional(),
  email: z.string().max(128).optional(),
  device_id: z.string().max(128).optional(),
  account_id: z.string().max(128).optional(),
  first_name: z.string().max(64).optional(),
  last_name: z.string().max(64).optional(),
  media_url: z.string().max(500).optional(),
});
export type Open311Submit = z.infer<typeof Open311SubmitSchema>;

/** Every Open311 error: the specification's list of `{code, description}`, code = the HTTP status. */
export const Open311ErrorSchema = z.array(z.object({ code: z.number().int(), description: z.string() }));
export type Open311Error = z.infer<typeof Open311ErrorSchema>;

export const Open311DiscoverySchema = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.enum(['production', 'test']),
      formats: z.array(z.string()),
    }),
  ),
});

export const Open311ServiceSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
export const Open311ServiceListSchema = z.array(Open311ServiceSchema);

export const Open311ServiceDefinitionSchema = z.object({
  service_code: z.string(),
  attributes: z.array(z.object({ variable: z.boolean(), code: z.string(), datatype: z.string() })),
});

export const Open311ServiceRequestSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(OPEN311_STATUSES),
  status_notes: z.string().nullable(),
  service_name: z.string().nullable(),
  service_code: z.string().nullable(),
  description: z.string(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  /** The township and village, never a street or house. */
  address: z.string(),
  address_id: z.string(),
  zipcode: z.string().nullable(),
  /** Never an exact point: null (a report is placed by village only). */
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
export type Open311ServiceRequest = z.infer<typeof Open311ServiceRequestSchema>;
export const Open311ServiceRequestListSchema = z.array(Open311ServiceRequestSchema);

export const Open311SubmittedSchema = z.array(
  z.object({
    service_request_id: z.string(),
    service_notice: z.string().nullable(),
    account_id: z.string().nullable(),
  }),
);
