-- AlterTable
ALTER TABLE "Learner" ADD COLUMN     "dailyGoal" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "fitReport" TEXT,
ADD COLUMN     "fsrsWeights" TEXT,
ADD COLUMN     "interviewCompany" TEXT,
ADD COLUMN     "interviewDate" TIMESTAMP(3),
ADD COLUMN     "interviewTopics" TEXT,
ADD COLUMN     "learningSteps" TEXT NOT NULL DEFAULT '1m 10m',
ADD COLUMN     "maximumIntervalDays" INTEGER NOT NULL DEFAULT 36500,
ADD COLUMN     "relearningSteps" TEXT NOT NULL DEFAULT '10m',
ADD COLUMN     "reviewOrder" TEXT NOT NULL DEFAULT 'due';

-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "buriedUntil" TIMESTAMP(3),
ADD COLUMN     "flagged" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "suspended" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ReviewLog" DROP CONSTRAINT "ReviewLog_pkey",
ADD COLUMN     "prevCard" TEXT,
ADD CONSTRAINT "ReviewLog_pkey" PRIMARY KEY ("learnerId", "id");

-- CreateTable
CREATE TABLE "UndoneReview" (
    "learnerId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "undoneAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UndoneReview_pkey" PRIMARY KEY ("learnerId","id")
);

-- CreateTable
CREATE TABLE "PracticeReview" (
    "learnerId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "reviewedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PracticeReview_pkey" PRIMARY KEY ("learnerId","id")
);

-- AddForeignKey
ALTER TABLE "UndoneReview" ADD CONSTRAINT "UndoneReview_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeReview" ADD CONSTRAINT "PracticeReview_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

