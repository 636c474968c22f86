-- CreateTable
CREATE TABLE "UndoneReview" (
    "learnerId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "undoneAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("learnerId", "id"),
    CONSTRAINT "UndoneReview_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PracticeReview" (
    "learnerId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "reviewedAt" DATETIME NOT NULL,

    PRIMARY KEY ("learnerId", "id"),
    CONSTRAINT "PracticeReview_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    "fsrsWeights" TEXT,
    "fitReport" TEXT
);
INSERT INTO "new_Learner" ("createdAt", "desiredRetention", "id", "newPerDay") SELECT "createdAt", "desiredRetention", "id", "newPerDay" FROM "Learner";
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("learnerId", "questionId"),
    CONSTRAINT "Card_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Card_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Card" ("createdAt", "difficulty", "due", "elapsedDays", "lapses", "lastReview", "learnerId", "learningSteps", "questionId", "reps", "scheduledDays", "seenHash", "stability", "state", "updatedAt") SELECT "createdAt", "difficulty", "due", "elapsedDays", "lapses", "lastReview", "learnerId", "learningSteps", "questionId", "reps", "scheduledDays", "seenHash", "stability", "state", "updatedAt" FROM "Card";
DROP TABLE "Card";
ALTER TABLE "new_Card" RENAME TO "Card";
CREATE INDEX "Card_learnerId_due_idx" ON "Card"("learnerId", "due");
CREATE TABLE "new_ReviewLog" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "lastElapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "reviewedAt" DATETIME NOT NULL,
    "durationMs" INTEGER,
    "prevCard" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("learnerId", "id"),
    CONSTRAINT "ReviewLog_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewLog_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ReviewLog" ("createdAt", "difficulty", "due", "durationMs", "elapsedDays", "id", "lastElapsedDays", "learnerId", "learningSteps", "questionId", "rating", "reviewedAt", "scheduledDays", "stability", "state") SELECT "createdAt", "difficulty", "due", "durationMs", "elapsedDays", "id", "lastElapsedDays", "learnerId", "learningSteps", "questionId", "rating", "reviewedAt", "scheduledDays", "stability", "state" FROM "ReviewLog";
DROP TABLE "ReviewLog";
ALTER TABLE "new_ReviewLog" RENAME TO "ReviewLog";
CREATE INDEX "ReviewLog_learnerId_reviewedAt_idx" ON "ReviewLog"("learnerId", "reviewedAt");
CREATE INDEX "ReviewLog_questionId_idx" ON "ReviewLog"("questionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

