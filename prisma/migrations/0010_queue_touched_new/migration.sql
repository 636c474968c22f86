-- The new index first, so that the queue's reads are never without one while this runs.
-- CreateIndex
CREATE INDEX "Card_queue_idx" ON "Card"("learnerId", "state", "due", "questionId", "suspended", "flagged", "buriedUntil");

-- DropIndex
DROP INDEX "Card_learnerId_state_due_questionId_idx";
