import type { DataSource } from 'typeorm';
import { transaction } from '../db/dataSource';
import { SchedulerLease } from '../db/entities';
import { isUniqueViolation } from '../db/uniqueViolation';

/**
 * A named lease in the database: whoever holds it, alone among all server processes, runs the
 * jobs it guards. It is taken or renewed with one conditional UPDATE (ours, or expired), or
 * created with an INSERT that only one process can win — plain SQL that behaves the same on
 * SQLite and MySQL, unlike GET_LOCK. Expiry is judged by each process's clock, so servers need
 * synchronised clocks (NTP), with skew far below the lease.
 */
export class Lease {
  constructor(
    private readonly dataSource: DataSource,
    readonly name: string,
    readonly holder: string,
    private readonly durationMs: number,
  ) {}

  /** Takes or renews the lease until now + duration; false while someone else holds it. */
  tryHold(now: Date): Promise<boolean> {
    const expiresAt = new Date(now.getTime() + this.durationMs);
    // Through the SQLite queue: a lone statement could otherwise land inside another transaction.
    return transaction(this.dataSource, async (manager) => {
      const renewed = await manager
        .createQueryBuilder()
        .update(SchedulerLease)
        .set({ holder: this.holder, expiresAt })
        .where('name = :name AND (holder = :holder OR expiresAt <= :now)', {
          name: this.name,
          holder: this.holder,
          now,
        })
        .execute();
      if (renewed.affected) return true;
      try {
        await manager
          .createQueryBuilder()
          .insert()
          .into(SchedulerLease)
          .values({ name: this.name, holder: this.holder, expiresAt })
          .updateEntity(false)
          .execute();
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    });
  }

  /** Gives the lease up at once (on shutdown), so another process need not wait for it to expire. */
  async release(now: Date): Promise<void> {
    await transaction(this.dataSource, (manager) =>
      manager
        .createQueryBuilder()
        .update(SchedulerLease)
        .set({ expiresAt: now })
        .where('name = :name AND holder = :holder', { name: this.name, holder: this.holder })
        .execute(),
    );
  }
}
