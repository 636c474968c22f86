/** A statement run beside Prisma (the SQLite connection, or the PostgreSQL pool) failed on a unique key. */
export class UniqueViolation extends Error {
  constructor() {
    super("a row with this key exists already");
  }
}
