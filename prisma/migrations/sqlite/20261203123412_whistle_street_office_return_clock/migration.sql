-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Department" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "districtId" TEXT,
    "streetId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Department_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Department_streetId_fkey" FOREIGN KEY ("streetId") REFERENCES "Street" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Department" ("code", "createdAt", "districtId", "id", "level", "name", "nameEn") SELECT "code", "createdAt", "districtId", "id", "level", "name", "nameEn" FROM "Department";
DROP TABLE "Department";
ALTER TABLE "new_Department" RENAME TO "Department";
CREATE UNIQUE INDEX "Department_code_key" ON "Department"("code");
CREATE UNIQUE INDEX "Department_streetId_key" ON "Department"("streetId");
CREATE INDEX "Department_districtId_idx" ON "Department"("districtId");
CREATE TABLE "new_WhistleTier" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "districtId" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "ackMinutes" INTEGER NOT NULL,
    "onSiteMinutes" INTEGER NOT NULL,
    "returnDecisionMinutes" INTEGER NOT NULL DEFAULT 1440,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WhistleTier_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_WhistleTier" ("ackMinutes", "districtId", "id", "onSiteMinutes", "tier", "updatedAt", "updatedById") SELECT "ackMinutes", "districtId", "id", "onSiteMinutes", "tier", "updatedAt", "updatedById" FROM "WhistleTier";
DROP TABLE "WhistleTier";
ALTER TABLE "new_WhistleTier" RENAME TO "WhistleTier";
CREATE UNIQUE INDEX "WhistleTier_districtId_tier_key" ON "WhistleTier"("districtId", "tier");
CREATE TABLE "new_WhistleSummons" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "whistleId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "departmentDistrictId" TEXT,
    "departmentStreetId" TEXT,
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
    "returnDecisionLate" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "WhistleSummons_whistleId_fkey" FOREIGN KEY ("whistleId") REFERENCES "Whistle" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WhistleSummons_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_WhistleSummons" ("ackLate", "acknowledgedAt", "acknowledgedById", "checkInDistanceM", "checkInFlagged", "checkInLat", "checkInLng", "checkedInAt", "checkedInById", "departmentDistrictId", "departmentId", "id", "onSiteLate", "report", "reportedAt", "result", "returnDecidedAt", "returnDecision", "returnReason", "returnRequestedAt", "role", "summonedAt", "whistleId") SELECT "ackLate", "acknowledgedAt", "acknowledgedById", "checkInDistanceM", "checkInFlagged", "checkInLat", "checkInLng", "checkedInAt", "checkedInById", "departmentDistrictId", "departmentId", "id", "onSiteLate", "report", "reportedAt", "result", "returnDecidedAt", "returnDecision", "returnReason", "returnRequestedAt", "role", "summonedAt", "whistleId" FROM "WhistleSummons";
DROP TABLE "WhistleSummons";
ALTER TABLE "new_WhistleSummons" RENAME TO "WhistleSummons";
CREATE INDEX "WhistleSummons_departmentId_summonedAt_idx" ON "WhistleSummons"("departmentId", "summonedAt");
CREATE UNIQUE INDEX "WhistleSummons_whistleId_departmentId_key" ON "WhistleSummons"("whistleId", "departmentId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

