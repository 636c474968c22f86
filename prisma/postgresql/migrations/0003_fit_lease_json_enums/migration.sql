-- Derived by `npm run db:schema -- migration`, then edited: the derived diff drops and re-adds the
-- changed columns, and these in-place type changes keep their values (the check compares only the result).

-- CreateEnum
CREATE TYPE "ReviewOrder" AS ENUM ('due', 'random', 'weakest');

-- CreateEnum
CREATE TYPE "FitStatus" AS ENUM ('running', 'done', 'failed');

-- AlterTable
ALTER TABLE "Learner" ADD COLUMN     "fitHeartbeatAt" TIMESTAMP(3),
ADD COLUMN     "fitStatus" "FitStatus",
ALTER COLUMN "reviewOrder" DROP DEFAULT,
ALTER COLUMN "reviewOrder" SET DATA TYPE "ReviewOrder" USING ("reviewOrder"::"ReviewOrder"),
ALTER COLUMN "reviewOrder" SET DEFAULT 'due',
ALTER COLUMN "fsrsWeights" SET DATA TYPE JSONB USING ("fsrsWeights"::jsonb),
ALTER COLUMN "fitReport" SET DATA TYPE JSONB USING ("fitReport"::jsonb);

-- CreateIndex
CREATE INDEX "ReviewLog_state_questionId_rating_learnerId_idx" ON "ReviewLog"("state", "questionId", "rating", "learnerId");
