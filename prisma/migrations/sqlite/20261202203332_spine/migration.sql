-- CreateTable
CREATE TABLE "LogHead" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "position" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "MutationReceipt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorKey" TEXT NOT NULL,
    "clientMutationId" TEXT NOT NULL,
    "mutation" TEXT NOT NULL,
    "inputHash" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "BootstrapStep" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_TicketEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "streetId" TEXT,
    "districtId" TEXT,
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
-- Hand-edited: existing events get log positions in the order they happened, and the feed keys of
-- their ticket (a database migrated from the tickets release keeps its whole history replayable).
INSERT INTO "new_TicketEvent" ("actorId", "at", "fromStatus", "id", "note", "partKind", "seq", "ticketId", "toStatus", "type", "position", "streetId", "districtId")
SELECT e."actorId", e."at", e."fromStatus", e."id", e."note", e."partKind", e."seq", e."ticketId", e."toStatus", e."type",
       ROW_NUMBER() OVER (ORDER BY e."at", e."ticketId", e."seq"), t."streetId", t."districtId"
FROM "TicketEvent" e JOIN "Ticket" t ON t."id" = e."ticketId";
DROP TABLE "TicketEvent";
ALTER TABLE "new_TicketEvent" RENAME TO "TicketEvent";
CREATE UNIQUE INDEX "TicketEvent_position_key" ON "TicketEvent"("position");
CREATE INDEX "TicketEvent_at_idx" ON "TicketEvent"("at");
CREATE INDEX "TicketEvent_streetId_position_idx" ON "TicketEvent"("streetId", "position");
CREATE INDEX "TicketEvent_districtId_position_idx" ON "TicketEvent"("districtId", "position");
CREATE UNIQUE INDEX "TicketEvent_ticketId_seq_key" ON "TicketEvent"("ticketId", "seq");
CREATE TABLE "new_RevisitPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "keyword" TEXT,
    "streetId" TEXT,
    "districtId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RevisitPlan_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_RevisitPlan" ("createdAt", "createdById", "id", "keyword", "name") SELECT "createdAt", "createdById", "id", "keyword", "name" FROM "RevisitPlan";
DROP TABLE "RevisitPlan";
ALTER TABLE "new_RevisitPlan" RENAME TO "RevisitPlan";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MutationReceipt_createdAt_idx" ON "MutationReceipt"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MutationReceipt_actorKey_clientMutationId_key" ON "MutationReceipt"("actorKey", "clientMutationId");


-- Hand-edited: the log head starts after the positions given to existing events.
INSERT INTO "LogHead" ("id", "position") SELECT 'log', COALESCE(MAX("position"), 0) FROM "TicketEvent";
