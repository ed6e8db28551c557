-- CreateTable
CREATE TABLE "WhistleTier" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "districtId" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "ackMinutes" INTEGER NOT NULL,
    "onSiteMinutes" INTEGER NOT NULL,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WhistleTier_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PowerListEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "districtId" TEXT,
    "categoryId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "duty" TEXT NOT NULL,
    CONSTRAINT "PowerListEntry_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "TicketCategory" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PowerListEntry_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Whistle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "streetId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "ticketId" TEXT,
    "categoryId" TEXT,
    "tier" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'ASSEMBLE',
    "reason" TEXT NOT NULL,
    "lng" REAL NOT NULL,
    "lat" REAL NOT NULL,
    "crossDistrict" BOOLEAN NOT NULL DEFAULT false,
    "blownAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "closedAt" DATETIME,
    "evaluationClosesAt" DATETIME,
    "supervisedAt" DATETIME,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Whistle_streetId_fkey" FOREIGN KEY ("streetId") REFERENCES "Street" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Whistle_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Whistle_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Whistle_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "TicketCategory" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WhistleSummons" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "whistleId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "departmentDistrictId" TEXT,
    "role" TEXT NOT NULL,
    "summonedAt" DATETIME NOT NULL,
    "acknowledgedAt" DATETIME,
    "acknowledgedById" TEXT,
    "checkedInAt" DATETIME,
    "checkedInById" TEXT,
    "checkInLng" REAL,
    "checkInLat" REAL,
    "checkInDistanceM" REAL,
    "checkInFlagged" BOOLEAN NOT NULL DEFAULT false,
    "ackLate" BOOLEAN NOT NULL DEFAULT false,
    "onSiteLate" BOOLEAN NOT NULL DEFAULT false,
    "report" TEXT,
    "result" TEXT,
    "reportedAt" DATETIME,
    "returnReason" TEXT,
    "returnRequestedAt" DATETIME,
    "returnDecision" TEXT,
    "returnDecidedAt" DATETIME,
    CONSTRAINT "WhistleSummons_whistleId_fkey" FOREIGN KEY ("whistleId") REFERENCES "Whistle" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WhistleSummons_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WhistleDeadline" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "summonsId" TEXT NOT NULL,
    "whistleId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "firedAt" DATETIME,
    CONSTRAINT "WhistleDeadline_summonsId_fkey" FOREIGN KEY ("summonsId") REFERENCES "WhistleSummons" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Escalation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deadlineId" TEXT NOT NULL,
    "summonsId" TEXT NOT NULL,
    "whistleId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "Escalation_summonsId_fkey" FOREIGN KEY ("summonsId") REFERENCES "WhistleSummons" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WhistleEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "whistleId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "summonsId" TEXT,
    "note" TEXT,
    "feedKeys" TEXT NOT NULL,
    "actorId" TEXT,
    "at" DATETIME NOT NULL,
    CONSTRAINT "WhistleEvent_whistleId_fkey" FOREIGN KEY ("whistleId") REFERENCES "Whistle" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WhistleFeedEntry" (
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "eventId" TEXT NOT NULL,

    PRIMARY KEY ("key", "position"),
    CONSTRAINT "WhistleFeedEntry_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "WhistleEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "summonsId" TEXT NOT NULL,
    "whistleId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "timeliness" INTEGER NOT NULL,
    "effectiveness" INTEGER NOT NULL,
    "attitude" INTEGER NOT NULL,
    "comment" TEXT,
    "ratedById" TEXT,
    "at" DATETIME NOT NULL,
    CONSTRAINT "Evaluation_summonsId_fkey" FOREIGN KEY ("summonsId") REFERENCES "WhistleSummons" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RankingWeights" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "districtId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "punctuality" INTEGER NOT NULL,
    "streetRating" INTEGER NOT NULL,
    "satisfaction" INTEGER NOT NULL,
    "setById" TEXT,
    "at" DATETIME NOT NULL,
    CONSTRAINT "RankingWeights_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
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

