-- Read-your-own-writes with a read replica (lib/db/read-replica.ts): the primary's WAL position
-- (pg_lsn as bytes) after the user's last write. Null: no write recorded, any replica will do.
ALTER TABLE "User" ADD COLUMN "lastWriteLsn" BIGINT;
