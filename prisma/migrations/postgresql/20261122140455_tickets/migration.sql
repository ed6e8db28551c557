-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('RECEIVED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'CALLED_BACK', 'CLOSED', 'MERGED');

-- CreateEnum
CREATE TYPE "TicketChannel" AS ENUM ('HOTLINE_12345', 'APP', 'WALK_IN', 'GRID_PATROL', 'COUNCIL', 'DATA_ALERT', 'COMMUNITY_PREEMPTIVE');

-- CreateEnum
CREATE TYPE "DispatchPartKind" AS ENUM ('COMMUNITY', 'STREET');

-- CreateEnum
CREATE TYPE "PartStatus" AS ENUM ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED');

-- CreateEnum
CREATE TYPE "Satisfaction" AS ENUM ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED');

-- CreateTable
CREATE TABLE "TicketCategory" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "responseHours" INTEGER NOT NULL,
    "resolveDays" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CategoryDuty" (
    "id" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "duty" TEXT NOT NULL,

    CONSTRAINT "CategoryDuty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "channel" "TicketChannel" NOT NULL,
    "categoryId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "address" TEXT,
    "lng" DOUBLE PRECISION,
    "lat" DOUBLE PRECISION,
    "gridCellId" TEXT,
    "assetId" TEXT,
    "communityId" TEXT,
    "streetId" TEXT,
    "districtId" TEXT,
    "complainantId" TEXT,
    "createdById" TEXT,
    "status" "TicketStatus" NOT NULL DEFAULT 'RECEIVED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "respondBy" TIMESTAMP(3) NOT NULL,
    "feedbackBy" TIMESTAMP(3) NOT NULL,
    "resolveBy" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),
    "feedbackAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "callbackResolved" BOOLEAN,
    "callbackSatisfaction" "Satisfaction",
    "callbackAt" TIMESTAMP(3),
    "mergedIntoId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketPart" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "kind" "DispatchPartKind" NOT NULL,
    "status" "PartStatus" NOT NULL DEFAULT 'DISPATCHED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "assigneeStreetId" TEXT,
    "assigneeCommunityId" TEXT,
    "assigneeLabel" TEXT,
    "dispatchedAt" TIMESTAMP(3) NOT NULL,
    "respondBy" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "TicketPart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketEvent" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "partKind" "DispatchPartKind",
    "fromStatus" "TicketStatus",
    "toStatus" "TicketStatus",
    "note" TEXT,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TicketEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallbackSurvey" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "resolved" BOOLEAN NOT NULL,
    "satisfaction" "Satisfaction" NOT NULL,
    "comment" TEXT,
    "recordedById" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CallbackSurvey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevisitPlan" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "keyword" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevisitPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevisitItem" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),
    "note" TEXT,

    CONSTRAINT "RevisitItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TicketCategory_code_key" ON "TicketCategory"("code");

-- CreateIndex
CREATE INDEX "CategoryDuty_departmentId_idx" ON "CategoryDuty"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "CategoryDuty_categoryId_departmentId_key" ON "CategoryDuty"("categoryId", "departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_number_key" ON "Ticket"("number");

-- CreateIndex
CREATE INDEX "Ticket_streetId_receivedAt_idx" ON "Ticket"("streetId", "receivedAt");

-- CreateIndex
CREATE INDEX "Ticket_districtId_receivedAt_idx" ON "Ticket"("districtId", "receivedAt");

-- CreateIndex
CREATE INDEX "Ticket_gridCellId_receivedAt_idx" ON "Ticket"("gridCellId", "receivedAt");

-- CreateIndex
CREATE INDEX "Ticket_communityId_receivedAt_idx" ON "Ticket"("communityId", "receivedAt");

-- CreateIndex
CREATE INDEX "Ticket_categoryId_receivedAt_idx" ON "Ticket"("categoryId", "receivedAt");

-- CreateIndex
CREATE INDEX "Ticket_status_receivedAt_idx" ON "Ticket"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "Ticket_receivedAt_idx" ON "Ticket"("receivedAt");

-- CreateIndex
CREATE INDEX "Ticket_createdById_idx" ON "Ticket"("createdById");

-- CreateIndex
CREATE INDEX "TicketPart_assigneeStreetId_status_idx" ON "TicketPart"("assigneeStreetId", "status");

-- CreateIndex
CREATE INDEX "TicketPart_assigneeCommunityId_status_idx" ON "TicketPart"("assigneeCommunityId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "TicketPart_ticketId_kind_key" ON "TicketPart"("ticketId", "kind");

-- CreateIndex
CREATE INDEX "TicketEvent_at_idx" ON "TicketEvent"("at");

-- CreateIndex
CREATE UNIQUE INDEX "TicketEvent_ticketId_seq_key" ON "TicketEvent"("ticketId", "seq");

-- CreateIndex
CREATE INDEX "CallbackSurvey_ticketId_at_idx" ON "CallbackSurvey"("ticketId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "RevisitItem_planId_ticketId_key" ON "RevisitItem"("planId", "ticketId");

-- AddForeignKey
ALTER TABLE "CategoryDuty" ADD CONSTRAINT "CategoryDuty_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "TicketCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CategoryDuty" ADD CONSTRAINT "CategoryDuty_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "TicketCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_gridCellId_fkey" FOREIGN KEY ("gridCellId") REFERENCES "GridCell"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_streetId_fkey" FOREIGN KEY ("streetId") REFERENCES "Street"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_complainantId_fkey" FOREIGN KEY ("complainantId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketPart" ADD CONSTRAINT "TicketPart_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketPart" ADD CONSTRAINT "TicketPart_assigneeStreetId_fkey" FOREIGN KEY ("assigneeStreetId") REFERENCES "Street"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketPart" ADD CONSTRAINT "TicketPart_assigneeCommunityId_fkey" FOREIGN KEY ("assigneeCommunityId") REFERENCES "Community"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketEvent" ADD CONSTRAINT "TicketEvent_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketEvent" ADD CONSTRAINT "TicketEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallbackSurvey" ADD CONSTRAINT "CallbackSurvey_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallbackSurvey" ADD CONSTRAINT "CallbackSurvey_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevisitPlan" ADD CONSTRAINT "RevisitPlan_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevisitItem" ADD CONSTRAINT "RevisitItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "RevisitPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevisitItem" ADD CONSTRAINT "RevisitItem_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

