import type {
  HouseholdImportError,
  HouseholdImportResult,
  HouseholdImportRowError,
  HouseholdTag,
  RegionNode,
} from '@minqing/shared';
import { catalogRoutes, householdRoutes, isWithin, supervisionRoutes, urlOf } from '@minqing/shared';
import { ApiError, call, signOutExpired } from '../api';
import { flattenRegions } from '../regionTree';
import { currentToken } from '../session';

export interface HouseholdFilters {
  page: number;
  pageSize: number;
  /** A grid, or a village (all its grids). */
  regionCode?: string;
  tags: HouseholdTag[];
  keyword?: string;
}

/** The roster's query: tags comma-separated, a blank keyword left out. */
export const householdQuery = (filters: HouseholdFilters) => ({
  page: filters.page,
  pageSize: filters.pageSize,
  regionCode: filters.regionCode,
  tags: filters.tags.length ? filters.tags.join(',') : undefined,
  keyword: filters.keyword?.trim() || undefined,
});

/** The .xlsx template's path, for the download button. */
export const importTemplatePath = householdRoutes.importTemplate.path;

/** An import either stored every row or none: then each wrong row is named. */
export type ImportOutcome = { imported: number } | { message: string; rowErrors: HouseholdImportRowError[] };

/** 导入住户: the .xlsx as multipart; a refused file comes back with its errors by row instead of as a failure. */
export async function importRoster(file: File): Promise<ImportOutcome> {
  const token = currentToken();
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/v1${householdRoutes.import.path}`, {
      method: householdRoutes.import.method.toUpperCase(),
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      body: form,
    });
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请稍后再试');
  }
  const data = (await response.json().catch(() => null)) as
    | (HouseholdImportResult & Partial<HouseholdImportError>)
    | null;
  if (response.ok && data) return { imported: data.imported };
  if (response.status === 401) signOutExpired();
  if (data?.rowErrors) return { message: data.error?.message ?? '导入失败', rowErrors: data.rowErrors };
  throw new ApiError(
    response.status,
    data?.error?.code ?? 'internal_error',
    data?.error?.message ?? `导入失败（${response.status}）`,
    data?.error?.field,
  );
}

/** The grids under `scopeCode` in a region tree, as 村 · 网格 choices. */
export function gridChoices(tree: RegionNode[], scopeCode: string): { value: string; label: string }[] {
  return flattenRegions(tree)
    .filter(({ node }) => node.level === 'grid' && isWithin(node.code, scopeCode))
    .map(({ node, ancestors }) => {
      const village = [...ancestors].reverse().find((ancestor) => ancestor.level === 'village');
      return { value: node.code, label: village ? `${village.name} · ${node.name}` : node.name };
    });
}

/** server/src/http/households */
export const householdsApi = {
  list: (filters: HouseholdFilters) => call(householdRoutes.list, { query: householdQuery(filters) }),
  regions: () => call(catalogRoutes.regions, { query: { depth: 'grid' } }),
  importRoster,
};
export type HouseholdsApi = typeof householdsApi;

/** Whose 未走访 list to open: a grid's or a 三线 member's. */
export type NotVisitedOf = { gridCode: string } | { liaisonId: string };

export const supervisionExportPath = (month: string) => urlOf(supervisionRoutes.export, { query: { month } });

/** server/src/http/supervision */
export const supervisionApi = {
  month: (month: string) => call(supervisionRoutes.month, { query: { month } }),
  notVisited: (month: string, of: NotVisitedOf, page: number, pageSize: number) =>
    call(supervisionRoutes.notVisited, { query: { month, page, pageSize, ...of } }),
};
export type SupervisionApi = typeof supervisionApi;
