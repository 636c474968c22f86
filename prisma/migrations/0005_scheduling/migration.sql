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
    "rolloverHour" INTEGER NOT NULL DEFAULT 4,
    "leechThreshold" INTEGER NOT NULL DEFAULT 8,
    "leechAction" TEXT NOT NULL DEFAULT 'suspend',
    "loadBalance" BOOLEAN NOT NULL DEFAULT true,
    "easyDays" TEXT NOT NULL DEFAULT 'nnnnnnn',
    "interviewDate" DATETIME,
    "interviewCompany" TEXT,
    "interviewTopics" TEXT,
    "fsrsWeights" JSONB,
    "fitReport" JSONB,
    "fitStatus" TEXT,
    "fitHeartbeatAt" DATETIME
);
INSERT INTO "new_Learner" ("createdAt", "dailyGoal", "desiredRetention", "fitHeartbeatAt", "fitReport", "fitStatus", "fsrsWeights", "id", "interviewCompany", "interviewDate", "interviewTopics", "learningSteps", "maximumIntervalDays", "newPerDay", "relearningSteps", "reviewOrder") SELECT "createdAt", "dailyGoal", "desiredRetention", "fitHeartbeatAt", "fitReport", "fitStatus", "fsrsWeights", "id", "interviewCompany", "interviewDate", "interviewTopics", "learningSteps", "maximumIntervalDays", "newPerDay", "relearningSteps", "reviewOrder" FROM "Learner";
DROP TABLE "Learner";
ALTER TABLE "new_Learner" RENAME TO "Learner";
CREATE TABLE "new_Card" (
    "learnerId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "lastReview" DATETIME,
    "seenHash" TEXT,
    "buriedUntil" DATETIME,
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "leech" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("learnerId", "questionId"),
    CONSTRAINT "Card_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Card_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Card" ("buriedUntil", "createdAt", "difficulty", "due", "elapsedDays", "flagged", "lapses", "lastReview", "learnerId", "learningSteps", "questionId", "reps", "scheduledDays", "seenHash", "stability", "state", "suspended", "updatedAt") SELECT "buriedUntil", "createdAt", "difficulty", "due", "elapsedDays", "flagged", "lapses", "lastReview", "learnerId", "learningSteps", "questionId", "reps", "scheduledDays", "seenHash", "stability", "state", "suspended", "updatedAt" FROM "Card";
DROP TABLE "Card";
ALTER TABLE "new_Card" RENAME TO "Card";
CREATE INDEX "Card_learnerId_due_idx" ON "Card"("learnerId", "due");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

