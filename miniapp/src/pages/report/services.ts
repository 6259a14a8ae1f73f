/**
 * The five 民情直达 services from GET /services, kept for the app session. Without a network the
 * tab still lists them (names from shared) so a report can be written and saved for later.
 */
import { SERVICE_CODES, SERVICE_NAMES, type Service } from '@minqing/shared';
import { getServices } from '../../services/api';

export const FALLBACK_SERVICES: Service[] = SERVICE_CODES.map((code, index) => ({
  code,
  name: SERVICE_NAMES[code],
  description: '',
  allowAnonymous: code === 'illegal',
  sortOrder: index + 1,
}));

let cached: Service[] | null = null;

export const cachedServices = (): Service[] | null => cached;

export async function loadServices(): Promise<Service[]> {
  const services = await getServices();
  cached = [...services].sort((a, b) => a.sortOrder - b.sortOrder);
  return cached;
}

/** One glyph and colour per service: an icon that always comes with its word. */
export const SERVICE_ICONS: Record<string, { glyph: string; tone: string }> = {
  epidemic: { glyph: '疫', tone: 'teal' },
  risk: { glyph: '险', tone: 'orange' },
  direct: { glyph: '民', tone: 'red' },
  illegal: { glyph: '法', tone: 'blue' },
  deputy: { glyph: '代', tone: 'purple' },
};

export const composeUrl = (serviceCode: string): string =>
  `/packages/report-flow/compose/index?service=${encodeURIComponent(serviceCode)}`;
