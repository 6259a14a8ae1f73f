// Builds the statistics' day summaries (server/src/stats/summaries.ts) over the seeded reports
// with the scheduler's own job, in one run without its time budget: the first build a server
// makes over its first minutes, timed. The statistics read those summaries, so a bench that
// measured before would time the live statements instead.
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * Seconds the build took, and the days it summarised. `fresh` forgets the days built before (a
 * reused database's), so every day is built again and timed.
 */
export async function buildSummaries({ repoRoot, databaseUrl, fresh = false }) {
  const require = createRequire(path.join(repoRoot, 'server', 'package.json'));
  const { createDataSource } = require('./dist/db/dataSource.js');
  const { StatsSummaryJob } = require('./dist/stats/summaries.js');
  const dataSource = createDataSource(databaseUrl);
  await dataSource.initialize();
  try {
    if (fresh) {
      await dataSource.query('DELETE FROM stats_summarised_days');
      await dataSource.query('DELETE FROM stats_summary_state');
    }
    const started = performance.now();
    const run = await new StatsSummaryJob({ dataSource }, { budgetMs: Number.POSITIVE_INFINITY }).runOnce(new Date());
    return { seconds: (performance.now() - started) / 1000, days: run.summarised };
  } finally {
    await dataSource.destroy();
  }
}
