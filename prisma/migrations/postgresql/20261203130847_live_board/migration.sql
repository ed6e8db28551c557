-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('BACKLOG', 'TODO', 'IN_PROGRESS', 'REVIEW', 'DONE');

-- CreateEnum
CREATE TYPE "CasePriority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "streetId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "communityId" TEXT,
    "title" TEXT NOT NULL,
    "titleVersion" INTEGER NOT NULL DEFAULT 1,
    "description" TEXT NOT NULL DEFAULT '',
    "descriptionVersion" INTEGER NOT NULL DEFAULT 1,
    "status" "CaseStatus" NOT NULL DEFAULT 'TODO',
    "statusVersion" INTEGER NOT NULL DEFAULT 1,
    "priority" "CasePriority" NOT NULL DEFAULT 'NORMAL',
    "priorityVersion" INTEGER NOT NULL DEFAULT 1,
    "tags" TEXT NOT NULL DEFAULT '',
    "tagsVersion" INTEGER NOT NULL DEFAULT 1,
    "internalNote" TEXT NOT NULL DEFAULT '',
    "internalNoteVersion" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseChecklistItem" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "orderKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "CaseChecklistItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseAssignment" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "assigneeKey" TEXT NOT NULL,
    "userId" TEXT,
    "departmentId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseLink" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "targetKey" TEXT NOT NULL,
    "ticketId" TEXT,
    "whistleId" TEXT,
    "agendaItemId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT,
    "payload" TEXT NOT NULL,
    "actorId" TEXT,
    "clientMutationId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Case_number_key" ON "Case"("number");

-- CreateIndex
CREATE INDEX "Case_streetId_status_idx" ON "Case"("streetId", "status");

-- CreateIndex
CREATE INDEX "CaseChecklistItem_caseId_orderKey_idx" ON "CaseChecklistItem"("caseId", "orderKey");

-- CreateIndex
CREATE UNIQUE INDEX "CaseAssignment_caseId_assigneeKey_key" ON "CaseAssignment"("caseId", "assigneeKey");

-- CreateIndex
CREATE UNIQUE INDEX "CaseLink_caseId_targetKey_key" ON "CaseLink"("caseId", "targetKey");

-- CreateIndex
CREATE UNIQUE INDEX "CaseEvent_position_key" ON "CaseEvent"("position");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_position_idx" ON "CaseEvent"("caseId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "CaseEvent_caseId_seq_key" ON "CaseEvent"("caseId", "seq");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_streetId_fkey" FOREIGN KEY ("streetId") REFERENCES "Street"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseChecklistItem" ADD CONSTRAINT "CaseChecklistItem_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseAssignment" ADD CONSTRAINT "CaseAssignment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseLink" ADD CONSTRAINT "CaseLink_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

