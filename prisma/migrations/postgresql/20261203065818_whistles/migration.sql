-- CreateEnum
CREATE TYPE "WhistleTierLevel" AS ENUM ('EMERGENCY', 'KEY', 'ROUTINE');

-- CreateEnum
CREATE TYPE "WhistleMode" AS ENUM ('DEPARTMENT_REQUIRES', 'LEAD_ASSIST', 'STREET_WHISTLES');

-- CreateEnum
CREATE TYPE "WhistleStage" AS ENUM ('ACT', 'ASSEMBLE', 'CLOSE', 'PREPARE', 'SUPERVISE');

-- CreateEnum
CREATE TYPE "SummonsRole" AS ENUM ('ASSIST', 'LEAD');

-- CreateEnum
CREATE TYPE "SummonsResult" AS ENUM ('PARTIAL', 'RESOLVED', 'UNRESOLVED');

-- CreateEnum
CREATE TYPE "WhistleDeadlineKind" AS ENUM ('ACK', 'ON_SITE');

-- CreateEnum
CREATE TYPE "WhistleDeadlineState" AS ENUM ('CANCELLED', 'FIRED', 'PENDING');

-- CreateEnum
CREATE TYPE "ReturnDecision" AS ENUM ('ACCEPTED', 'PENDING', 'REJECTED');

-- CreateTable
CREATE TABLE "WhistleTier" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "tier" "WhistleTierLevel" NOT NULL,
    "ackMinutes" INTEGER NOT NULL,
    "onSiteMinutes" INTEGER NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WhistleTier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PowerListEntry" (
    "id" TEXT NOT NULL,
    "districtId" TEXT,
    "categoryId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "duty" TEXT NOT NULL,

    CONSTRAINT "PowerListEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Whistle" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "streetId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "ticketId" TEXT,
    "categoryId" TEXT,
    "tier" "WhistleTierLevel" NOT NULL,
    "mode" "WhistleMode" NOT NULL,
    "stage" "WhistleStage" NOT NULL DEFAULT 'ASSEMBLE',
    "reason" TEXT NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "crossDistrict" BOOLEAN NOT NULL DEFAULT false,
    "blownAt" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "evaluationClosesAt" TIMESTAMP(3),
    "supervisedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Whistle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WhistleSummons" (
    "id" TEXT NOT NULL,
    "whistleId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "departmentDistrictId" TEXT,
    "role" "SummonsRole" NOT NULL,
    "summonedAt" TIMESTAMP(3) NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" TEXT,
    "checkedInAt" TIMESTAMP(3),
    "checkedInById" TEXT,
    "checkInLng" DOUBLE PRECISION,
    "checkInLat" DOUBLE PRECISION,
    "checkInDistanceM" DOUBLE PRECISION,
    "checkInFlagged" BOOLEAN NOT NULL DEFAULT false,
    "ackLate" BOOLEAN NOT NULL DEFAULT false,
    "onSiteLate" BOOLEAN NOT NULL DEFAULT false,
    "report" TEXT,
    "result" "SummonsResult",
    "reportedAt" TIMESTAMP(3),
    "returnReason" TEXT,
    "returnRequestedAt" TIMESTAMP(3),
    "returnDecision" "ReturnDecision",
    "returnDecidedAt" TIMESTAMP(3),

    CONSTRAINT "WhistleSummons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WhistleDeadline" (
    "id" TEXT NOT NULL,
    "summonsId" TEXT NOT NULL,
    "whistleId" TEXT NOT NULL,
    "kind" "WhistleDeadlineKind" NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "state" "WhistleDeadlineState" NOT NULL DEFAULT 'PENDING',
    "firedAt" TIMESTAMP(3),

    CONSTRAINT "WhistleDeadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Escalation" (
    "id" TEXT NOT NULL,
    "deadlineId" TEXT NOT NULL,
    "summonsId" TEXT NOT NULL,
    "whistleId" TEXT NOT NULL,
    "kind" "WhistleDeadlineKind" NOT NULL,
    "districtId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Escalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WhistleEvent" (
    "id" TEXT NOT NULL,
    "whistleId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "summonsId" TEXT,
    "note" TEXT,
    "feedKeys" TEXT NOT NULL,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WhistleEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WhistleFeedEntry" (
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "eventId" TEXT NOT NULL,

    CONSTRAINT "WhistleFeedEntry_pkey" PRIMARY KEY ("key","position")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL,
    "summonsId" TEXT NOT NULL,
    "whistleId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "timeliness" INTEGER NOT NULL,
    "effectiveness" INTEGER NOT NULL,
    "attitude" INTEGER NOT NULL,
    "comment" TEXT,
    "ratedById" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RankingWeights" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "punctuality" INTEGER NOT NULL,
    "streetRating" INTEGER NOT NULL,
    "satisfaction" INTEGER NOT NULL,
    "setById" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RankingWeights_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WhistleTier_districtId_tier_key" ON "WhistleTier"("districtId", "tier");

-- CreateIndex
CREATE INDEX "PowerListEntry_districtId_categoryId_idx" ON "PowerListEntry"("districtId", "categoryId");

-- CreateIndex
CREATE UNIQUE INDEX "PowerListEntry_categoryId_departmentId_key" ON "PowerListEntry"("categoryId", "departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Whistle_number_key" ON "Whistle"("number");

-- CreateIndex
CREATE INDEX "Whistle_streetId_blownAt_idx" ON "Whistle"("streetId", "blownAt");

-- CreateIndex
CREATE INDEX "Whistle_districtId_blownAt_idx" ON "Whistle"("districtId", "blownAt");

-- CreateIndex
CREATE INDEX "Whistle_stage_blownAt_idx" ON "Whistle"("stage", "blownAt");

-- CreateIndex
CREATE INDEX "Whistle_ticketId_idx" ON "Whistle"("ticketId");

-- CreateIndex
CREATE INDEX "WhistleSummons_departmentId_summonedAt_idx" ON "WhistleSummons"("departmentId", "summonedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WhistleSummons_whistleId_departmentId_key" ON "WhistleSummons"("whistleId", "departmentId");

-- CreateIndex
CREATE INDEX "WhistleDeadline_state_dueAt_idx" ON "WhistleDeadline"("state", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "WhistleDeadline_summonsId_kind_key" ON "WhistleDeadline"("summonsId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Escalation_deadlineId_key" ON "Escalation"("deadlineId");

-- CreateIndex
CREATE INDEX "Escalation_whistleId_idx" ON "Escalation"("whistleId");

-- CreateIndex
CREATE INDEX "Escalation_districtId_at_idx" ON "Escalation"("districtId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "WhistleEvent_position_key" ON "WhistleEvent"("position");

-- CreateIndex
CREATE UNIQUE INDEX "WhistleEvent_whistleId_seq_key" ON "WhistleEvent"("whistleId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_summonsId_key" ON "Evaluation"("summonsId");

-- CreateIndex
CREATE INDEX "Evaluation_departmentId_at_idx" ON "Evaluation"("departmentId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "RankingWeights_districtId_month_key" ON "RankingWeights"("districtId", "month");

-- AddForeignKey
ALTER TABLE "WhistleTier" ADD CONSTRAINT "WhistleTier_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PowerListEntry" ADD CONSTRAINT "PowerListEntry_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "TicketCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PowerListEntry" ADD CONSTRAINT "PowerListEntry_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Whistle" ADD CONSTRAINT "Whistle_streetId_fkey" FOREIGN KEY ("streetId") REFERENCES "Street"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Whistle" ADD CONSTRAINT "Whistle_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Whistle" ADD CONSTRAINT "Whistle_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Whistle" ADD CONSTRAINT "Whistle_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "TicketCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WhistleSummons" ADD CONSTRAINT "WhistleSummons_whistleId_fkey" FOREIGN KEY ("whistleId") REFERENCES "Whistle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WhistleSummons" ADD CONSTRAINT "WhistleSummons_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WhistleDeadline" ADD CONSTRAINT "WhistleDeadline_summonsId_fkey" FOREIGN KEY ("summonsId") REFERENCES "WhistleSummons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_summonsId_fkey" FOREIGN KEY ("summonsId") REFERENCES "WhistleSummons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WhistleEvent" ADD CONSTRAINT "WhistleEvent_whistleId_fkey" FOREIGN KEY ("whistleId") REFERENCES "Whistle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WhistleFeedEntry" ADD CONSTRAINT "WhistleFeedEntry_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "WhistleEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_summonsId_fkey" FOREIGN KEY ("summonsId") REFERENCES "WhistleSummons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RankingWeights" ADD CONSTRAINT "RankingWeights_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

