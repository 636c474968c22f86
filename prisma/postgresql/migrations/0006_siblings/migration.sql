-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "concept" TEXT;

-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "buriedSiblings" TEXT;

-- CreateIndex
CREATE INDEX "Question_concept_idx" ON "Question"("concept");

