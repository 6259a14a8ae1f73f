import { monotonicFactory } from 'ulid';

/** Time-sortable string ids (ULID): no auto-increment, safe on a distributed database. */
export const newId: () => string = monotonicFactory();
