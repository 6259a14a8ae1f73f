import type { DataSource } from 'typeorm';
import type { HolidayDay } from '@minqing/shared';
import { calendarWith } from '../deadlines/holidaySchedule';
import type { WorkingCalendar } from '../deadlines/workingCalendar';
import { Category, Department, HolidayDayRow, Region, RoutingRule, ServiceEntity } from './entities';

/** The small, rarely edited tables every request consults, held in memory. */
export interface ReferenceSnapshot {
  regions: Map<string, Region>;
  services: Map<string, ServiceEntity>;
  categories: Map<string, Category>;
  departments: Map<string, Department>;
  /** Routing rules of a category, keyed `${categoryCode}|${regionCode}`. */
  rules: Map<string, RoutingRule>;
  /** Enabled departments of a kind, keyed `${kind}|${regionCode}`. */
  departmentsByKindAndRegion: Map<string, Department>;
  /** Holiday days entered through 配置 → 节假日, in date order. */
  holidayDays: HolidayDay[];
  /** The working-day calendar deadlines run on: the built-in schedule with the entered years in place. */
  calendar: WorkingCalendar;
}

/**
 * Reference data with a short time-to-live: edits through this process take effect at once
 * (`invalidate`), edits through another process within `ttlMs`.
 */
export class ReferenceData {
  private cached: { at: number; snapshot: Promise<ReferenceSnapshot> } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly ttlMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  snapshot(): Promise<ReferenceSnapshot> {
    const now = this.now();
    if (!this.cached || now - this.cached.at >= this.ttlMs) {
      const snapshot = this.load();
      this.cached = { at: now, snapshot };
      snapshot.catch(() => {
        if (this.cached?.snapshot === snapshot) this.cached = null;
      });
    }
    return this.cached.snapshot;
  }

  invalidate(): void {
    this.cached = null;
  }

  private async load(): Promise<ReferenceSnapshot> {
    const manager = this.dataSource.manager;
    const [regions, services, categories, departments, rules, holidayRows] = await Promise.all([
      manager.find(Region),
      manager.find(ServiceEntity),
      manager.find(Category),
      manager.find(Department),
      manager.find(RoutingRule),
      manager.find(HolidayDayRow, { order: { date: 'ASC' } }),
    ]);
    const holidayDays = holidayRows.map(({ date, kind, name }) => ({ date, kind, name }));
    return {
      regions: new Map(regions.map((region) => [region.code, region])),
      services: new Map(services.map((service) => [service.code, service])),
      categories: new Map(categories.map((category) => [category.code, category])),
      departments: new Map(departments.map((department) => [department.id, department])),
      rules: new Map(rules.map((rule) => [`${rule.categoryCode}|${rule.regionCode}`, rule])),
      departmentsByKindAndRegion: new Map(
        departments
          .filter((department) => !department.disabled)
          .map((department) => [`${department.kind}|${department.regionCode}`, department]),
      ),
      holidayDays,
      calendar: calendarWith(holidayDays),
    };
  }
}
