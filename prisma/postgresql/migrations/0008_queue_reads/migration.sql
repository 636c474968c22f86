-- DropIndex
DROP INDEX "Card_learnerId_due_idx";

-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "changedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Card_learnerId_state_due_questionId_idx" ON "Card"("learnerId", "state", "due", "questionId");


-- Backfill (hand-written): a question that some learner saw in an older version counts as changed, so
-- the queue, which now looks for changed cards from the question side, still finds those cards.
-- One uncorrelated scan of Card (10 s over 16 M cards): a correlated EXISTS scanned Card once per question.
UPDATE "Question" SET "changedAt" = CURRENT_TIMESTAMP
WHERE "id" IN (
  SELECT DISTINCT c."questionId" FROM "Card" c JOIN "Question" q ON q."id" = c."questionId"
  WHERE c."seenHash" IS NOT NULL AND c."seenHash" <> q."contentHash"
);
