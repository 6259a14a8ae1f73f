import { z } from 'zod';
import { DEPARTMENT_LEVELS, REGION_LEVELS, SERVICE_CODES, TIERS } from '../domain/enums';

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
