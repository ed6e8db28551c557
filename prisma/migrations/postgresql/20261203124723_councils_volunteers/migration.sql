-- CreateEnum
CREATE TYPE "CouncilRole" AS ENUM ('CHAIR', 'VICE_CHAIR', 'MEMBER');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('SCHEDULED', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "MotionStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "VoteRule" AS ENUM ('SIMPLE_MAJORITY', 'TWO_THIRDS', 'FRACTION');

-- CreateEnum
CREATE TYPE "ThresholdBase" AS ENUM ('ELIGIBLE', 'CAST');

-- CreateEnum
CREATE TYPE "Electorate" AS ENUM ('PRESENT', 'ALL_MEMBERS', 'HOUSEHOLDS');

-- CreateEnum
CREATE TYPE "VotePolicy" AS ENUM ('NAMED', 'SECRET');

-- CreateEnum
CREATE TYPE "VoteChoice" AS ENUM ('YES', 'NO', 'ABSTAIN');

-- CreateEnum
CREATE TYPE "MotionResult" AS ENUM ('PASSED', 'REJECTED', 'TIED', 'NO_QUORUM');

-- CreateEnum
CREATE TYPE "ActionItemStatus" AS ENUM ('OPEN', 'DONE');

-- CreateEnum
CREATE TYPE "PostCategory" AS ENUM ('OUTREACH', 'ENVIRONMENT', 'ASSISTANCE', 'SAFETY', 'SKILLS');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('CLAIMED', 'WAITLISTED', 'CANCELLED');

-- CreateTable
CREATE TABLE "Household" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "representativeId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Council" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Council_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilMember" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" "CouncilRole" NOT NULL,
    "alleySteward" BOOLEAN NOT NULL DEFAULT false,
    "since" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CouncilMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "place" TEXT NOT NULL,
    "status" "MeetingStatus" NOT NULL DEFAULT 'SCHEDULED',
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "minutes" TEXT,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAttendance" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "recordedById" TEXT,

    CONSTRAINT "MeetingAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "ticketId" TEXT,
    "whistleId" TEXT,
    "outcome" TEXT,

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Motion" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "text" TEXT NOT NULL,
    "rule" "VoteRule" NOT NULL,
    "fractionNumerator" INTEGER,
    "fractionDenominator" INTEGER,
    "base" "ThresholdBase" NOT NULL,
    "electorate" "Electorate" NOT NULL,
    "quorumNumerator" INTEGER NOT NULL,
    "quorumDenominator" INTEGER NOT NULL,
    "policy" "VotePolicy" NOT NULL,
    "status" "MotionStatus" NOT NULL DEFAULT 'DRAFT',
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "eligibleAtOpen" INTEGER,
    "membershipAtOpen" INTEGER,
    "presentAtOpen" INTEGER,
    "eligibleAtClose" INTEGER,
    "presentAtClose" INTEGER,
    "yes" INTEGER NOT NULL DEFAULT 0,
    "no" INTEGER NOT NULL DEFAULT 0,
    "abstain" INTEGER NOT NULL DEFAULT 0,
    "result" "MotionResult",
    "needed" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Motion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MotionElector" (
    "id" TEXT NOT NULL,
    "motionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "householdId" TEXT,
    "label" TEXT NOT NULL,
    "votedAt" TIMESTAMP(3),

    CONSTRAINT "MotionElector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL,
    "motionId" TEXT NOT NULL,
    "electorId" TEXT NOT NULL,
    "choice" "VoteChoice" NOT NULL,
    "changes" INTEGER NOT NULL DEFAULT 0,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecretBallot" (
    "id" TEXT NOT NULL,
    "motionId" TEXT NOT NULL,
    "choice" "VoteChoice" NOT NULL,

    CONSTRAINT "SecretBallot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "motionId" TEXT,
    "text" TEXT NOT NULL,
    "ownerPersonId" TEXT,
    "ownerDepartmentId" TEXT,
    "dueOn" TEXT NOT NULL,
    "status" "ActionItemStatus" NOT NULL DEFAULT 'OPEN',
    "doneAt" TIMESTAMP(3),
    "doneNote" TEXT,

    CONSTRAINT "ActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilEvent" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "motionId" TEXT,
    "note" TEXT,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CouncilEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyMember" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "branch" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartyMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerPost" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "category" "PostCategory" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "schedule" TEXT NOT NULL,
    "places" INTEGER NOT NULL,
    "claimed" INTEGER NOT NULL DEFAULT 0,
    "skills" TEXT NOT NULL DEFAULT '',
    "lng" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "open" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VolunteerPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostClaim" (
    "id" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "status" "ClaimStatus" NOT NULL,
    "waitlistPosition" INTEGER,
    "at" TIMESTAMP(3) NOT NULL,
    "promotedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "PostClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shift" (
    "id" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "checkInAt" TIMESTAMP(3) NOT NULL,
    "checkInLng" DOUBLE PRECISION NOT NULL,
    "checkInLat" DOUBLE PRECISION NOT NULL,
    "checkInDistanceM" DOUBLE PRECISION NOT NULL,
    "checkInOnSite" BOOLEAN NOT NULL,
    "checkOutAt" TIMESTAMP(3),
    "checkOutLng" DOUBLE PRECISION,
    "checkOutLat" DOUBLE PRECISION,
    "checkOutDistanceM" DOUBLE PRECISION,
    "checkOutOnSite" BOOLEAN,
    "minutes" INTEGER,
    "verifiedAt" TIMESTAMP(3),
    "verifiedById" TEXT,
    "rejected" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,

    CONSTRAINT "Shift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerEvent" (
    "id" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "memberId" TEXT,
    "note" TEXT,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VolunteerEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BranchCall" (
    "id" TEXT NOT NULL,
    "branch" TEXT NOT NULL,
    "communityId" TEXT,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "places" INTEGER,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BranchCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BranchCallAnswer" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BranchCallAnswer_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Council" ADD CONSTRAINT "Council_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilMember" ADD CONSTRAINT "CouncilMember_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilMember" ADD CONSTRAINT "CouncilMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_whistleId_fkey" FOREIGN KEY ("whistleId") REFERENCES "Whistle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Motion" ADD CONSTRAINT "Motion_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Motion" ADD CONSTRAINT "Motion_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MotionElector" ADD CONSTRAINT "MotionElector_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_electorId_fkey" FOREIGN KEY ("electorId") REFERENCES "MotionElector"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecretBallot" ADD CONSTRAINT "SecretBallot_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_ownerPersonId_fkey" FOREIGN KEY ("ownerPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_ownerDepartmentId_fkey" FOREIGN KEY ("ownerDepartmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilEvent" ADD CONSTRAINT "CouncilEvent_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyMember" ADD CONSTRAINT "PartyMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyMember" ADD CONSTRAINT "PartyMember_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerPost" ADD CONSTRAINT "VolunteerPost_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostClaim" ADD CONSTRAINT "PostClaim_postId_fkey" FOREIGN KEY ("postId") REFERENCES "VolunteerPost"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostClaim" ADD CONSTRAINT "PostClaim_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "PartyMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shift" ADD CONSTRAINT "Shift_postId_fkey" FOREIGN KEY ("postId") REFERENCES "VolunteerPost"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shift" ADD CONSTRAINT "Shift_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "PartyMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shift" ADD CONSTRAINT "Shift_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "PostClaim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerEvent" ADD CONSTRAINT "VolunteerEvent_postId_fkey" FOREIGN KEY ("postId") REFERENCES "VolunteerPost"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BranchCall" ADD CONSTRAINT "BranchCall_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BranchCallAnswer" ADD CONSTRAINT "BranchCallAnswer_callId_fkey" FOREIGN KEY ("callId") REFERENCES "BranchCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BranchCallAnswer" ADD CONSTRAINT "BranchCallAnswer_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "PartyMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

