import { z } from 'zod';
import { DEPARTMENT_LEVELS, REGION_LEVELS, SERVICE_CODES, TIERS } from '../domain/enums';
import { RegionCodeSchema } from './common';

export const ServiceSchema = z.object({
  code: z.enum(SERVICE_CODES),
  name: z.string(),
  description: z.string(),
  allowAnonymous: z.boolean(),
  sortOrder: z.number().int(),
});
export type Service = z.infer<typeof ServiceSchema>;

export interface RegionNode {
  code: string;
  name: string;
  level: (typeof REGION_LEVELS)[number];
  children: RegionNode[];
}
export const RegionNodeSchema: z.ZodType<RegionNode> = z.lazy(() =>
  z.object({ code: z.string(), name: z.string(), level: z.enum(REGION_LEVELS), children: z.array(RegionNodeSchema) }),
);

export const RegionTreeQuerySchema = z.object({ depth: z.enum(REGION_LEVELS).default('grid') });
export type RegionTreeQuery = z.infer<typeof RegionTreeQuerySchema>;

export const CategorySchema = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  tier: z.enum(TIERS),
  responseHours: z.number().int(),
  resolveDays: z.number().int(),
});
export type Category = z.infer<typeof CategorySchema>;

export const DepartmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(DEPARTMENT_LEVELS),
  regionCode: z.string(),
});
export type Department = z.infer<typeof DepartmentSchema>;

/** A people's deputy (人大代表) a citizen may address through the 代表工作 service. */
export const DeputySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** '县人大代表', '镇人大代表' … */
  title: z.string(),
  /** The village, township or county the deputy represents. */
  regionCode: z.string(),
  regionName: z.string(),
});
export type Deputy = z.infer<typeof DeputySchema>;

/** GET /deputies: the deputies of a village, its township and its county. */
export const DeputiesQuerySchema = z.object({ villageCode: RegionCodeSchema });
export type DeputiesQuery = z.infer<typeof DeputiesQuerySchema>;
