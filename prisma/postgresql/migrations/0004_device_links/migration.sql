-- CreateTable
CREATE TABLE "Device" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Device_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkCode" (
    "hash" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "LinkCode_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "RecoveryKey" (
    "learnerId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryKey_pkey" PRIMARY KEY ("learnerId")
);

-- CreateTable
CREATE TABLE "LinkAttempt" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LinkAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Device_learnerId_idx" ON "Device"("learnerId");

-- CreateIndex
CREATE INDEX "LinkCode_learnerId_idx" ON "LinkCode"("learnerId");

-- CreateIndex
CREATE UNIQUE INDEX "RecoveryKey_hash_key" ON "RecoveryKey"("hash");

-- CreateIndex
CREATE INDEX "LinkAttempt_clientId_at_idx" ON "LinkAttempt"("clientId", "at");

-- CreateIndex
CREATE INDEX "LinkAttempt_at_idx" ON "LinkAttempt"("at");

-- AddForeignKey
ALTER TABLE "Device" ADD CONSTRAINT "Device_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkCode" ADD CONSTRAINT "LinkCode_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryKey" ADD CONSTRAINT "RecoveryKey_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

