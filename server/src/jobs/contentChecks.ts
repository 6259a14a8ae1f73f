import { type CheckRunnerDeps, runDueChecks } from '../commands/contentCheckRunner';

/**
 * The scheduler's content-security job: checks queued while WeChat was unreachable, retried
 * with backoff, and media checks whose pushed verdict never came, sent again.
 */
export class ContentCheckJob {
  constructor(private readonly deps: CheckRunnerDeps) {}

  runOnce(now: Date): Promise<number> {
    return runDueChecks(this.deps, now, this.deps.config.scheduler.batchSize);
  }
}
