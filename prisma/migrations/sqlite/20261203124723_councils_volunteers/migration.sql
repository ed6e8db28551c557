-- CreateTable
CREATE TABLE "Household" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "representativeId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Household_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Household_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Council" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Council_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CouncilMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "councilId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "alleySteward" BOOLEAN NOT NULL DEFAULT false,
    "since" DATETIME NOT NULL,
    CONSTRAINT "CouncilMember_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CouncilMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "councilId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "place" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SCHEDULED',
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    "minutes" TEXT,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Meeting_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingAttendance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "recordedById" TEXT,
    CONSTRAINT "MeetingAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingAttendance_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "ticketId" TEXT,
    "whistleId" TEXT,
    "outcome" TEXT,
    CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AgendaItem_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AgendaItem_whistleId_fkey" FOREIGN KEY ("whistleId") REFERENCES "Whistle" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Motion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "text" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "fractionNumerator" INTEGER,
    "fractionDenominator" INTEGER,
    "base" TEXT NOT NULL,
    "electorate" TEXT NOT NULL,
    "quorumNumerator" INTEGER NOT NULL,
    "quorumDenominator" INTEGER NOT NULL,
    "policy" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    "eligibleAtOpen" INTEGER,
    "membershipAtOpen" INTEGER,
    "presentAtOpen" INTEGER,
    "eligibleAtClose" INTEGER,
    "presentAtClose" INTEGER,
    "yes" INTEGER NOT NULL DEFAULT 0,
    "no" INTEGER NOT NULL DEFAULT 0,
    "abstain" INTEGER NOT NULL DEFAULT 0,
    "result" TEXT,
    "needed" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Motion_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Motion_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MotionElector" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "motionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "householdId" TEXT,
    "label" TEXT NOT NULL,
    "votedAt" DATETIME,
    CONSTRAINT "MotionElector_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "motionId" TEXT NOT NULL,
    "electorId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "changes" INTEGER NOT NULL DEFAULT 0,
    "at" DATETIME NOT NULL,
    CONSTRAINT "Ballot_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Ballot_electorId_fkey" FOREIGN KEY ("electorId") REFERENCES "MotionElector" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SecretBallot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "motionId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    CONSTRAINT "SecretBallot_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "motionId" TEXT,
    "text" TEXT NOT NULL,
    "ownerPersonId" TEXT,
    "ownerDepartmentId" TEXT,
    "dueOn" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "doneAt" DATETIME,
    "doneNote" TEXT,
    CONSTRAINT "ActionItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActionItem_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ActionItem_ownerPersonId_fkey" FOREIGN KEY ("ownerPersonId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ActionItem_ownerDepartmentId_fkey" FOREIGN KEY ("ownerDepartmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CouncilEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "motionId" TEXT,
    "note" TEXT,
    "actorId" TEXT,
    "at" DATETIME NOT NULL,
    CONSTRAINT "CouncilEvent_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PartyMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "branch" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "reportedAt" DATETIME NOT NULL,
    CONSTRAINT "PartyMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PartyMember_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VolunteerPost" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "schedule" TEXT NOT NULL,
    "places" INTEGER NOT NULL,
    "claimed" INTEGER NOT NULL DEFAULT 0,
    "skills" TEXT NOT NULL DEFAULT '',
    "lng" REAL NOT NULL,
    "lat" REAL NOT NULL,
    "open" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VolunteerPost_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PostClaim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "waitlistPosition" INTEGER,
    "at" DATETIME NOT NULL,
    "promotedAt" DATETIME,
    "cancelledAt" DATETIME,
    CONSTRAINT "PostClaim_postId_fkey" FOREIGN KEY ("postId") REFERENCES "VolunteerPost" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PostClaim_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "PartyMember" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Shift" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "checkInAt" DATETIME NOT NULL,
    "checkInLng" REAL NOT NULL,
    "checkInLat" REAL NOT NULL,
    "checkInDistanceM" REAL NOT NULL,
    "checkInOnSite" BOOLEAN NOT NULL,
    "checkOutAt" DATETIME,
    "checkOutLng" REAL,
    "checkOutLat" REAL,
    "checkOutDistanceM" REAL,
    "checkOutOnSite" BOOLEAN,
    "minutes" INTEGER,
    "verifiedAt" DATETIME,
    "verifiedById" TEXT,
    "rejected" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    CONSTRAINT "Shift_postId_fkey" FOREIGN KEY ("postId") REFERENCES "VolunteerPost" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Shift_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "PartyMember" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Shift_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "PostClaim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VolunteerEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "memberId" TEXT,
    "note" TEXT,
    "actorId" TEXT,
    "at" DATETIME NOT NULL,
    CONSTRAINT "VolunteerEvent_postId_fkey" FOREIGN KEY ("postId") REFERENCES "VolunteerPost" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BranchCall" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "branch" TEXT NOT NULL,
    "communityId" TEXT,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "deadline" DATETIME NOT NULL,
    "places" INTEGER,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "at" DATETIME NOT NULL,
    CONSTRAINT "BranchCall_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BranchCallAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "BranchCallAnswer_callId_fkey" FOREIGN KEY ("callId") REFERENCES "BranchCall" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BranchCallAnswer_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "PartyMember" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Household_representativeId_key" ON "Household"("representativeId");

-- CreateIndex
CREATE INDEX "Household_communityId_idx" ON "Household"("communityId");

-- CreateIndex
CREATE INDEX "Council_communityId_idx" ON "Council"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "CouncilMember_councilId_personId_key" ON "CouncilMember"("councilId", "personId");

-- CreateIndex
CREATE INDEX "Meeting_councilId_startsAt_idx" ON "Meeting"("councilId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingAttendance_meetingId_personId_key" ON "MeetingAttendance"("meetingId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_meetingId_position_key" ON "AgendaItem"("meetingId", "position");

-- CreateIndex
CREATE INDEX "Motion_meetingId_idx" ON "Motion"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "MotionElector_motionId_personId_key" ON "MotionElector"("motionId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_electorId_key" ON "Ballot"("electorId");

-- CreateIndex
CREATE INDEX "Ballot_motionId_idx" ON "Ballot"("motionId");

-- CreateIndex
CREATE INDEX "SecretBallot_motionId_idx" ON "SecretBallot"("motionId");

-- CreateIndex
CREATE INDEX "ActionItem_meetingId_idx" ON "ActionItem"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "CouncilEvent_position_key" ON "CouncilEvent"("position");

-- CreateIndex
CREATE INDEX "CouncilEvent_meetingId_position_idx" ON "CouncilEvent"("meetingId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "CouncilEvent_meetingId_seq_key" ON "CouncilEvent"("meetingId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "PartyMember_personId_key" ON "PartyMember"("personId");

-- CreateIndex
CREATE INDEX "PartyMember_communityId_idx" ON "PartyMember"("communityId");

-- CreateIndex
CREATE INDEX "PartyMember_branch_idx" ON "PartyMember"("branch");

-- CreateIndex
CREATE INDEX "VolunteerPost_communityId_category_idx" ON "VolunteerPost"("communityId", "category");

-- CreateIndex
CREATE INDEX "PostClaim_postId_status_idx" ON "PostClaim"("postId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PostClaim_postId_memberId_key" ON "PostClaim"("postId", "memberId");

-- CreateIndex
CREATE INDEX "Shift_memberId_checkInAt_idx" ON "Shift"("memberId", "checkInAt");

-- CreateIndex
CREATE INDEX "Shift_postId_checkInAt_idx" ON "Shift"("postId", "checkInAt");

-- CreateIndex
CREATE UNIQUE INDEX "VolunteerEvent_position_key" ON "VolunteerEvent"("position");

-- CreateIndex
CREATE UNIQUE INDEX "VolunteerEvent_postId_seq_key" ON "VolunteerEvent"("postId", "seq");

-- CreateIndex
CREATE INDEX "BranchCall_branch_deadline_idx" ON "BranchCall"("branch", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "BranchCallAnswer_callId_memberId_key" ON "BranchCallAnswer"("callId", "memberId");

