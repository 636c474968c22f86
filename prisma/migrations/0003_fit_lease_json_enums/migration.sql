-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Learner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "desiredRetention" REAL NOT NULL DEFAULT 0.9,
    "newPerDay" INTEGER NOT NULL DEFAULT 20,
    "learningSteps" TEXT NOT NULL DEFAULT '1m 10m',
    "relearningSteps" TEXT NOT NULL DEFAULT '10m',
    "maximumIntervalDays" INTEGER NOT NULL DEFAULT 36500,
    "reviewOrder" TEXT NOT NULL DEFAULT 'due',
    "dailyGoal" INTEGER NOT NULL DEFAULT 0,
    "interviewDate" DATETIME,
    "interviewCompany" TEXT,
    "interviewTopics" TEXT,
    "fsrsWeights" JSONB,
    "fitReport" JSONB,
    "fitStatus" TEXT,
    "fitHeartbeatAt" DATETIME
);
INSERT INTO "new_Learner" ("createdAt", "dailyGoal", "desiredRetention", "fitReport", "fsrsWeights", "id", "interviewCompany", "interviewDate", "interviewTopics", "learningSteps", "maximumIntervalDays", "newPerDay", "relearningSteps", "reviewOrder") SELECT "createdAt", "dailyGoal", "desiredRetention", "fitReport", "fsrsWeights", "id", "interviewCompany", "interviewDate", "interviewTopics", "learningSteps", "maximumIntervalDays", "newPerDay", "relearningSteps", "reviewOrder" FROM "Learner";
DROP TABLE "Learner";
ALTER TABLE "new_Learner" RENAME TO "Learner";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ReviewLog_state_questionId_rating_learnerId_idx" ON "ReviewLog"("state", "questionId", "rating", "learnerId");

