// What seedReports.mjs leaves out and the ranking counts: repeat complaints (reopenCount) and
// return events (退单). Set-based SQL over the seeded rows, so it takes seconds, not minutes.

/**
 * Marks the reopened reports — and the closed ones rated ≤ 2, as if reopened and handled
 * again — as repeat complaints, and gives one routed report in 32 (the last ULID character is
 * random) a return by its department an hour before it was dispatched there.
 * Returns the counts written.
 */
export async function seedRankingExtras(pool) {
  const [reopened] = await pool.query(
    "UPDATE reports SET reopenCount = 1 WHERE status = 'reopened' OR (status = 'closed' AND rating <= 2)",
  );
  // Event ids: the report's id with its first two characters (the top of its time, the same for every
  // report of these years) replaced by RT — unique, and never a real ULID's, which start with 0–7. Not
  // its last two: the server's ids of one burst differ only there.
  const [returns] = await pool.query(
    `INSERT INTO report_events (id, reportId, type, fromStatus, toStatus, actorType, actorId, departmentId, note, data, public, createdAt)
     SELECT CONCAT('RT', RIGHT(id, 24)), id, 'return', 'dispatched', 'submitted', 'staff', NULL, departmentId,
            '不属于本部门职责', NULL, 0, DATE_SUB(dispatchedAt, INTERVAL 1 HOUR)
     FROM reports
     WHERE departmentId IS NOT NULL AND dispatchedAt IS NOT NULL AND RIGHT(id, 1) = '0'`,
  );
  return { repeatComplaints: reopened.affectedRows, returnEvents: returns.affectedRows };
}
