import type { EntityManager } from 'typeorm';
import { type Report, RoutingExample, type Staff } from '../db/entities';
import { newId } from '../db/ids';

/**
 * A dispatcher's choice of category is a labelled example: `npm run routing:train` learns from
 * these, so the classifier improves from the county's own reports.
 */
export async function recordCorrection(
  manager: EntityManager,
  props: { report: Report; categoryCode: string; staff: Staff; at: Date },
): Promise<void> {
  const text = [props.report.text, props.report.transcript].filter(Boolean).join(' ');
  if (!text) return;
  await manager.getRepository(RoutingExample).insert({
    id: newId(),
    text,
    categoryCode: props.categoryCode,
    predictedCategoryCode: props.report.predictedCategoryCode,
    reportId: props.report.id,
    staffId: props.staff.id,
    createdAt: props.at,
  });
}

/** Every correction, oldest first, as training examples. */
export async function loadCorrections(manager: EntityManager): Promise<{ text: string; categoryCode: string }[]> {
  const rows = await manager.getRepository(RoutingExample).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  return rows.map((row) => ({ text: row.text, categoryCode: row.categoryCode }));
}
