-- CreateEnum
CREATE TYPE "LeechAction" AS ENUM ('suspend', 'tag');

-- AlterTable
ALTER TABLE "Learner" ADD COLUMN     "easyDays" TEXT NOT NULL DEFAULT 'nnnnnnn',
ADD COLUMN     "leechAction" "LeechAction" NOT NULL DEFAULT 'suspend',
ADD COLUMN     "leechThreshold" INTEGER NOT NULL DEFAULT 8,
ADD COLUMN     "loadBalance" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "rolloverHour" INTEGER NOT NULL DEFAULT 4;

-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "leech" BOOLEAN NOT NULL DEFAULT false;

