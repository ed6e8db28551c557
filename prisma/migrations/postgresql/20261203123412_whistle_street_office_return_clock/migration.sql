-- AlterEnum
ALTER TYPE "DepartmentLevel" ADD VALUE 'STREET';

-- AlterEnum
ALTER TYPE "WhistleDeadlineKind" ADD VALUE 'RETURN_DECISION';

-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "streetId" TEXT;

-- AlterTable
ALTER TABLE "WhistleTier" ADD COLUMN     "returnDecisionMinutes" INTEGER NOT NULL DEFAULT 1440;

-- AlterTable
ALTER TABLE "WhistleSummons" ADD COLUMN     "departmentStreetId" TEXT,
ADD COLUMN     "returnDecisionLate" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "Department_streetId_key" ON "Department"("streetId");

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_streetId_fkey" FOREIGN KEY ("streetId") REFERENCES "Street"("id") ON DELETE SET NULL ON UPDATE CASCADE;

