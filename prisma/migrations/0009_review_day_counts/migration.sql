-- The new index first, so that the learner's log is never without one while this runs.
-- CreateIndex
CREATE INDEX "ReviewLog_learnerId_reviewedAt_state_rating_idx" ON "ReviewLog"("learnerId", "reviewedAt", "state", "rating");

-- DropIndex
DROP INDEX "ReviewLog_learnerId_reviewedAt_idx";
