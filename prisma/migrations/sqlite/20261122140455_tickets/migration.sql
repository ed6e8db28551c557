-- CreateTable
CREATE TABLE "TicketCategory" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "responseHours" INTEGER NOT NULL,
    "resolveDays" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CategoryDuty" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "categoryId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "duty" TEXT NOT NULL,
    CONSTRAINT "CategoryDuty_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "TicketCategory" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CategoryDuty_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "address" TEXT,
    "lng" REAL,
    "lat" REAL,
    "gridCellId" TEXT,
    "assetId" TEXT,
    "communityId" TEXT,
    "streetId" TEXT,
    "districtId" TEXT,
    "complainantId" TEXT,
    "createdById" TEXT,
    "status" TEXT NOT NULL DEFAULT 'RECEIVED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "receivedAt" DATETIME NOT NULL,
    "respondBy" DATETIME NOT NULL,
    "feedbackBy" DATETIME NOT NULL,
    "resolveBy" DATETIME,
    "respondedAt" DATETIME,
    "feedbackAt" DATETIME,
    "resolvedAt" DATETIME,
    "closedAt" DATETIME,
    "callbackResolved" BOOLEAN,
    "callbackSatisfaction" TEXT,
    "callbackAt" DATETIME,
    "mergedIntoId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Ticket_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "TicketCategory" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Ticket_gridCellId_fkey" FOREIGN KEY ("gridCellId") REFERENCES "GridCell" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_streetId_fkey" FOREIGN KEY ("streetId") REFERENCES "Street" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_complainantId_fkey" FOREIGN KEY ("complainantId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Ticket" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TicketPart" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DISPATCHED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "assigneeStreetId" TEXT,
    "assigneeCommunityId" TEXT,
    "assigneeLabel" TEXT,
    "dispatchedAt" DATETIME NOT NULL,
    "respondBy" DATETIME NOT NULL,
    "acceptedAt" DATETIME,
    "resolvedAt" DATETIME,
    CONSTRAINT "TicketPart_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TicketPart_assigneeStreetId_fkey" FOREIGN KEY ("assigneeStreetId") REFERENCES "Street" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "TicketPart_assigneeCommunityId_fkey" FOREIGN KEY ("assigneeCommunityId") REFERENCES "Community" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TicketEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "partKind" TEXT,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "note" TEXT,
    "actorId" TEXT,
    "at" DATETIME NOT NULL,
    CONSTRAINT "TicketEvent_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TicketEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallbackSurvey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" TEXT NOT NULL,
    "resolved" BOOLEAN NOT NULL,
    "satisfaction" TEXT NOT NULL,
    "comment" TEXT,
    "recordedById" TEXT,
    "at" DATETIME NOT NULL,
    CONSTRAINT "CallbackSurvey_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CallbackSurvey_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RevisitPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "keyword" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RevisitPlan_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RevisitItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "doneAt" DATETIME,
    "note" TEXT,
    CONSTRAINT "RevisitItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "RevisitPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RevisitItem_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
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

