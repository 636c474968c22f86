-- CreateIndex
CREATE INDEX "ReviewLog_learnerId_questionId_reviewedAt_idx" ON "ReviewLog"("learnerId", "questionId", "reviewedAt");
