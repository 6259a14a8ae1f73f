import os from 'node:os';
import type { AppDeps } from '../context';
import { autoCloseReport, escalateOverdueReport, remindReport } from '../commands/deadlineSupervision';
import type { DeadlineKind } from '../presenters/messageTexts';
import { newId } from '../db/ids';
import { localDateOf, workingCalendar } from '../deadlines/workingCalendar';
import { overdueReports, reportsToAutoClose, reportsToRemind } from './deadlineQueries';
import { Like } from 'typeorm';
import { HolidayDayRow } from '../db/entities';
import { Lease } from './lease';
import { payClientOf } from '../integrations/wechatpay/payClient';
import { reconcilePayouts } from '../commands/payouts/payoutTransfers';
import type { PushOutboxSender } from './pushOutbox';
import type { ContentCheckJob } from './contentChecks';
import type { Transcriber } from './transcriptions';

export type SchedulerDeps = Pick<AppDeps, 'config' | 'dataSource' | 'logger' | 'clock'> & {
  /** Sends queued WeChat subscribe messages; absent without WeChat credentials. */
  pushOutbox?: PushOutboxSender;
  /** Retries queued WeChat content-security checks (jobs/contentChecks); absent without WeChat. */
  contentChecks?: ContentCheckJob;
  /** Retries voice clips whose server-side transcription failed (jobs/transcriptions); absent without ASR. */
  transcriptions?: Transcriber | null;
  /** Retrains the routing classifier from dispatchers' corrections at night (routing/retraining.ts). */
  retraining?: { runOnce(now: Date): Promise<unknown> };
  /** Makes the 研判简报 of the week just ended, each Monday China time (stats/weeklyBrief.ts). */
  weeklyBriefs?: { runOnce(now: Date): Promise<{ week: string; made: number }> };
  /** Rebuilds the statistics' day summaries whose reports changed (stats/summaries.ts). */
  statsSummaries?: { runOnce(now: Date): Promise<{ summarised: number; remaining: number }> };
};

export interface SchedulerOptions {
  /** How long a hold on the lease lasts without renewal. */
  leaseMs: number;
  /** How often every process tries to take or renew the lease. */
  renewEveryMs: number;
  /** How often the holder runs the jobs. */
  runEveryMs: number;
  /** Who this process is in the lease table; unique per process by default. */
  holder: string;
}

export interface SchedulerRun {
  leader: boolean;
  reminded: number;
  escalated: number;
  autoClosed: number;
}

const DEADLINES: readonly DeadlineKind[] = ['response', 'resolve'];
const LEASE_NAME = 'deadlines';

/**
 * The deadline scheduler (PRODUCT.md §5). Every server process runs one; the database lease
 * elects the one that works. The holder, each minute: escalates (督办) reports past a deadline,
 * reminds (催办) departments of deadlines `remindAtPercent` % through their window, and closes
 * resolved reports left unrated for `autoCloseDays` days. Each job takes at most `batchSize`
 * reports a run and can be repeated safely: what was done is recorded with it, in one transaction.
 */
export class Scheduler {
  private readonly options: SchedulerOptions;
  private readonly lease: Lease;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private lastRunAt: number | null = null;

  constructor(
    private readonly deps: SchedulerDeps,
    options: Partial<SchedulerOptions> = {},
  ) {
    this.options = {
      leaseMs: 30_000,
      renewEveryMs: 10_000,
      runEveryMs: 60_000,
      holder: `${os.hostname()}:${process.pid}:${newId().slice(-8)}`,
      ...options,
    };
    this.lease = new Lease(deps.dataSource, LEASE_NAME, this.options.holder, this.options.leaseMs);
  }

  start(): void {
    if (this.timer) return;
    void this.warnWithoutHolidaySchedule();
    this.timer = setInterval(() => this.tick(), this.options.renewEveryMs);
    this.timer.unref();
    this.tick();
  }

  /** A year with neither a built-in notice nor entered days counts only weekends and fixed statutory holidays. */
  private async warnWithoutHolidaySchedule(): Promise<void> {
    const year = Number(localDateOf(this.deps.clock()).slice(0, 4));
    if (workingCalendar.covers(year)) return;
    const entered = await this.deps.dataSource
      .getRepository(HolidayDayRow)
      .count({ where: { date: Like(`${year}-%`) } })
      .catch(() => 0);
    if (entered === 0) {
      this.deps.logger.warn(
        { year },
        'no holiday schedule for this year (built-in or entered under 配置 → 节假日): only weekends and fixed statutory holidays count',
      );
    }
  }

  /** Stops renewing, waits for a run in progress, and hands the lease back. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
    await this.lease.release(this.deps.clock());
  }

  /** Takes or renews the lease at `now` and, if this process holds it, runs every job once. */
  async runOnce(now: Date = this.deps.clock()): Promise<SchedulerRun> {
    if (!(await this.lease.tryHold(now))) return { leader: false, reminded: 0, escalated: 0, autoClosed: 0 };
    this.lastRunAt = now.getTime();
    return { leader: true, ...(await this.runJobs(now)) };
  }

  private tick(): void {
    if (this.ticking) return;
    this.ticking = this.renewAndMaybeRun()
      .catch((error: unknown) => this.deps.logger.error({ err: error }, 'scheduler run failed'))
      .finally(() => {
        this.ticking = null;
      });
  }

  private async renewAndMaybeRun(): Promise<void> {
    const now = this.deps.clock();
    if (!(await this.lease.tryHold(now))) return;
    if (this.lastRunAt !== null && now.getTime() - this.lastRunAt < this.options.runEveryMs) return;
    this.lastRunAt = now.getTime();
    const done = await this.runJobs(now);
    if (done.reminded || done.escalated || done.autoClosed) this.deps.logger.info(done, 'deadline jobs ran');
    if (this.deps.pushOutbox) {
      // After the deadline jobs, so the messages they queue go out in the same run.
      const pushed = await this.deps.pushOutbox.runOnce(now);
      if (pushed.sent || pushed.refused || pushed.failed || pushed.retried)
        this.deps.logger.info(pushed, 'subscribe messages sent');
    }
    if (this.deps.transcriptions) {
      const transcribed = await this.deps.transcriptions.runOnce(now);
      if (transcribed.transcribed || transcribed.retried || transcribed.givenUp)
        this.deps.logger.info(transcribed, 'voice clips transcribed');
    }
    if (this.deps.contentChecks) {
      const attempted = await this.deps.contentChecks.runOnce(now);
      if (attempted) this.deps.logger.info({ attempted }, 'content checks retried');
    }
    const payClient = payClientOf(this.deps);
    if (payClient) {
      // 对账: transfers approved a minute ago or more and still not final.
      const settled = await reconcilePayouts(this.deps, payClient, {
        staleMs: 60_000,
        batchSize: this.deps.config.scheduler.batchSize,
      });
      if (settled) this.deps.logger.info({ settled }, 'payouts reconciled with WeChat Pay');
    }
    if (this.deps.weeklyBriefs) {
      const briefs = await this.deps.weeklyBriefs.runOnce(now);
      if (briefs.made) this.deps.logger.info(briefs, 'weekly briefs made');
    }
    if (this.deps.statsSummaries) {
      const summaries = await this.deps.statsSummaries.runOnce(now);
      if (summaries.summarised) this.deps.logger.info(summaries, 'statistics summaries rebuilt');
    }
    // Last: a retraining takes seconds of CPU, and runs only once its nightly slot has come.
    if (this.deps.retraining) await this.deps.retraining.runOnce(now);
  }

  private async runJobs(now: Date): Promise<Omit<SchedulerRun, 'leader'>> {
    const { remindAtPercent, autoCloseDays, batchSize } = this.deps.config.scheduler;
    const manager = this.deps.dataSource.manager;
    let escalated = 0;
    let reminded = 0;
    // Overdue first: a deadline that has passed needs 督办, not a reminder.
    for (const deadline of DEADLINES) {
      for (const reportId of await overdueReports(manager, { deadline, now, limit: batchSize })) {
        if (await this.attempt(() => escalateOverdueReport(this.deps, { reportId, deadline, now }))) escalated += 1;
      }
    }
    for (const deadline of DEADLINES) {
      for (const reportId of await reportsToRemind(manager, { deadline, now, remindAtPercent, limit: batchSize })) {
        if (await this.attempt(() => remindReport(this.deps, { reportId, deadline, now }))) reminded += 1;
      }
    }
    let autoClosed = 0;
    for (const reportId of await reportsToAutoClose(manager, { now, days: autoCloseDays, limit: batchSize })) {
      if (await this.attempt(() => autoCloseReport(this.deps, { reportId, days: autoCloseDays, now }))) autoClosed += 1;
    }
    return { reminded, escalated, autoClosed };
  }

  /** One report's failure (a clerk acting on it at the same moment) must not stop the others. */
  private async attempt(work: () => Promise<boolean>): Promise<boolean> {
    try {
      return await work();
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'deadline job skipped a report');
      return false;
    }
  }
}
