-- A received CSV is stored deflated by the server (zlib, level 1: lib/data/sync-payloads.ts) in
-- `body_deflated`, a quarter of the bytes for a typical export: storing a 40 MB CSV as text cost
-- Postgres longer than the COPY of its rows. Payloads stored before keep their text in `body`;
-- a row has exactly one of the two. EXTERNAL: the bytes are compressed already, and the status
-- poll reads only their head (substring without fetching the rest).
ALTER TABLE "sync_payloads" ALTER COLUMN "body" DROP NOT NULL;
ALTER TABLE "sync_payloads" ADD COLUMN "body_deflated" BYTEA;
ALTER TABLE "sync_payloads" ALTER COLUMN "body_deflated" SET STORAGE EXTERNAL;
ALTER TABLE "sync_payloads" ADD CONSTRAINT "sync_payloads_one_body" CHECK (("body" IS NULL) <> ("body_deflated" IS NULL));
