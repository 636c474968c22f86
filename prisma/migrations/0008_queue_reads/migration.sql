-- DropIndex
DROP INDEX "Card_learnerId_due_idx";

-- AlterTable
ALTER TABLE "Question" ADD COLUMN "changedAt" DATETIME;

-- CreateIndex
CREATE INDEX "Card_learnerId_state_due_questionId_idx" ON "Card"("learnerId", "state", "due", "questionId");


-- Backfill (hand-written): a question that some learner saw in an older version counts as changed, so
-- the queue, which now looks for changed cards from the question side, still finds those cards.
-- The format is the one the SQLite adapter writes.
UPDATE "Question" SET "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00'
WHERE EXISTS (SELECT 1 FROM "Card" c WHERE c."questionId" = "Question"."id" AND c."seenHash" IS NOT NULL AND c."seenHash" <> "Question"."contentHash");
