-- AlterTable
-- Hand-edited: existing events get log positions in the order they happened, and the feed keys of
-- their ticket, before the column becomes NOT NULL.
ALTER TABLE "TicketEvent" ADD COLUMN     "districtId" TEXT,
ADD COLUMN     "position" INTEGER,
ADD COLUMN     "streetId" TEXT;

UPDATE "TicketEvent" e SET "position" = n.pos, "streetId" = t."streetId", "districtId" = t."districtId"
FROM (SELECT "id", ROW_NUMBER() OVER (ORDER BY "at", "ticketId", "seq") AS pos FROM "TicketEvent") n, "Ticket" t
WHERE n."id" = e."id" AND t."id" = e."ticketId";

ALTER TABLE "TicketEvent" ALTER COLUMN "position" SET NOT NULL;

-- AlterTable
ALTER TABLE "RevisitPlan" ADD COLUMN     "districtId" TEXT,
ADD COLUMN     "streetId" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "LogHead" (
    "id" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LogHead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MutationReceipt" (
    "id" TEXT NOT NULL,
    "actorKey" TEXT NOT NULL,
    "clientMutationId" TEXT NOT NULL,
    "mutation" TEXT NOT NULL,
    "inputHash" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MutationReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BootstrapStep" (
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BootstrapStep_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "MutationReceipt_createdAt_idx" ON "MutationReceipt"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MutationReceipt_actorKey_clientMutationId_key" ON "MutationReceipt"("actorKey", "clientMutationId");

-- CreateIndex
CREATE UNIQUE INDEX "TicketEvent_position_key" ON "TicketEvent"("position");

-- CreateIndex
CREATE INDEX "TicketEvent_streetId_position_idx" ON "TicketEvent"("streetId", "position");

-- CreateIndex
CREATE INDEX "TicketEvent_districtId_position_idx" ON "TicketEvent"("districtId", "position");


-- Hand-edited: the log head starts after the positions given to existing events.
INSERT INTO "LogHead" ("id", "position") SELECT 'log', COALESCE(MAX("position"), 0) FROM "TicketEvent";
