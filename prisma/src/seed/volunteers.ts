// Demo party members (双报到) and volunteer posts. Pure: the caller passes `now`; the histories are
// ones the live write path could have made (same event types, seq, counters): every post is PUBLISHED
// first, each claim, check-in, check-out and verification is one event (so a post's version is its
// number of events), `claimed` counts the CLAIMED claims, and no member's shifts overlap.
import type { Prisma } from '../client.ts';
import type { buildDemoData } from './seed.ts';

type OrgData = ReturnType<typeof buildDemoData>;

/** The person the demo login party.caochang signs in as. */
export const CAOCHANG_PARTY_PERSON = 'per_user_party.caochang';

interface EventRow { id: string; postId: string; seq: number; type: string; memberId: string | null; note: string | null; actorId: null; at: Date }

const DAY = 24 * 3600_000;
const MIN = 60_000;

// workplace branches of in-service members who live in 前门 (fictional branches of real kinds of employer)
const BRANCHES = {
  grid: { branch: '国家电网北京东城供电公司党支部', organisation: '国网北京市电力公司东城供电公司' },
  school: { branch: '东城区教育委员会机关党支部', organisation: '北京市东城区教育委员会' },
  bank: { branch: '北京银行前门支行党支部', organisation: '北京银行股份有限公司前门支行' },
  post: { branch: '中国邮政东城区分公司党支部', organisation: '中国邮政集团有限公司北京市东城区分公司' },
  health: { branch: '东城区卫生健康委员会机关党支部', organisation: '北京市东城区卫生健康委员会' },
} as const;
type BranchKey = keyof typeof BRANCHES;

// [key, name, branch, community]: 12 in 草厂, the first the demo login 王建国; a few in the other 前门 communities
const MEMBERS: readonly [string, string, BranchKey, 'caochang' | 'dajiang' | 'qmddj'][] = [
  ['party.caochang', '王建国', 'grid', 'caochang'],
  ['pm_liming', '李明', 'grid', 'caochang'],
  ['pm_zhanghua', '张华', 'grid', 'caochang'],
  ['pm_chenjing', '陈静', 'school', 'caochang'],
  ['pm_yangfan', '杨帆', 'school', 'caochang'],
  ['pm_zhaolei', '赵磊', 'school', 'caochang'],
  ['pm_huangli', '黄丽', 'bank', 'caochang'],
  ['pm_zhoujie', '周杰', 'bank', 'caochang'],
  ['pm_wuxia', '吴霞', 'post', 'caochang'],
  ['pm_xuqiang', '徐强', 'post', 'caochang'],
  ['pm_sunyan', '孙燕', 'health', 'caochang'],
  ['pm_mazhen', '马振', 'health', 'caochang'],
  ['pm_zhuhong', '朱红', 'grid', 'dajiang'],
  ['pm_hujun', '胡军', 'bank', 'dajiang'],
  ['pm_guoping', '郭平', 'school', 'qmddj'],
  ['pm_linna', '林娜', 'health', 'qmddj'],
];

// [key, community, category, title, description, schedule, places, skills, members claiming (in order; those past `places` are waitlisted)]
const POSTS: readonly [string, 'caochang' | 'dajiang' | 'qmddj', string, string, string, string, number, string, number[]][] = [
  ['sort', 'caochang', 'ENVIRONMENT', '垃圾分类桶前值守', '在草厂四条垃圾分类驿站指导居民分类投放，劝导混投。', '每日 7:00–9:00', 4, '', [0, 1, 3, 6, 8, 10]],
  ['meal', 'caochang', 'ASSISTANCE', '老人助餐', '为社区高龄独居老人送餐上门，协助养老驿站助餐点分餐。', '每周二、四 11:00–13:00', 3, '', [2, 4]],
  ['talk', 'caochang', 'OUTREACH', '党的政策宣讲进小院', '到小院议事厅宣讲惠民政策，收集居民意见。', '每月第一个周六 9:30–11:00', 5, '宣讲', [0, 5, 9]],
  ['patrol', 'caochang', 'SAFETY', '胡同治安巡逻', '与网格员一起巡查胡同消防通道、电动车充电隐患。', '每周五 19:00–21:00', 6, '', [1, 7, 11, 2]],
  ['haircut', 'caochang', 'SKILLS', '义务理发', '为行动不便的老人上门理发。', '每月15日 9:00–11:00', 2, '理发', [10]],
  ['dogs', 'caochang', 'ENVIRONMENT', '文明养犬劝导', '在草厂胡同口劝导遛狗牵绳、清理粪便。', '每周六 8:00–10:00', 4, '', [3, 6]],
  ['visit', 'caochang', 'ASSISTANCE', '独居老人探访', '陪伴独居老人聊天，检查燃气、用电安全。', '每周日 15:00–17:00', 4, '', [4, 8, 11]],
  ['repair', 'caochang', 'SKILLS', '小家电义务维修', '在社区服务站为居民义务维修小家电。', '每月最后一个周日 9:00–12:00', 3, '电工 维修', [1, 9]],
  ['flood', 'dajiang', 'SAFETY', '汛期积水点值守', '雨天在大江胡同低洼处值守，引导行人绕行。', '汛期雨天随叫随到', 4, '', [12, 13]],
  ['fraud', 'qmddj', 'OUTREACH', '反诈宣传', '在前门东大街社区服务站讲解防范电信诈骗。', '每月10日 14:00–16:00', 3, '', [14, 15]],
];

const CENTRES = { caochang: [116.3985, 39.8962], dajiang: [116.403, 39.8955], qmddj: [116.3985, 39.9] } as const;

/** Every volunteer row of the demo, with the post events to place in the log (positions are the caller's). */
export function buildDemoVolunteers(org: OrgData, now: Date) {
  const communityOf = { caochang: '草厂社区', dajiang: '大江社区', qmddj: '前门东大街社区' } as const;
  const communityId = (k: keyof typeof communityOf) => org.communities.find((c) => c.name === communityOf[k])!.id;
  const personId = (key: string) => (key.startsWith('party.') ? CAOCHANG_PARTY_PERSON : `per_${key}`);
  const memberId = (i: number) => `ptm_${MEMBERS[i]![0]}`;
  // Beijing midnight of today, as the base of every demo day
  const today = Math.floor((now.getTime() + 8 * 3600_000) / DAY) * DAY - 8 * 3600_000;
  const day = (daysAgo: number, hour: number, minute = 0) => new Date(today - daysAgo * DAY + hour * 3600_000 + minute * MIN);

  const persons = MEMBERS.filter(([key]) => !key.startsWith('party.')).map(([key, name]) => ({ id: personId(key), name, phone: null }));
  const members: Prisma.PartyMemberCreateManyInput[] = MEMBERS.map(([key, , branch, community], i) => ({
    id: memberId(i), personId: personId(key), ...BRANCHES[branch], communityId: communityId(community), reportedAt: day(200 + i * 5, 10),
  }));
  const posts: Prisma.VolunteerPostCreateManyInput[] = [];
  const claims: Prisma.PostClaimCreateManyInput[] = [];
  const shifts: Prisma.ShiftCreateManyInput[] = [];
  const events: EventRow[] = [];

  let shiftSerial = 0;
  POSTS.forEach(([key, community, category, title, description, schedule, places, skills, claimants], p) => {
    const postId = `vpo_${key}`;
    const [lng, lat] = [CENTRES[community][0] + (p % 3) * 0.0004, CENTRES[community][1] + (p % 2) * 0.0003];
    const createdAt = day(120, 9, p);
    const history: Omit<EventRow, 'id' | 'seq'>[] = [{ postId, type: 'PUBLISHED', memberId: null, note: title, actorId: null, at: createdAt }];
    claimants.forEach((m, c) => {
      const claimId = `pcl_${key}_${MEMBERS[m]![0]}`;
      const waitlisted = c >= places;
      const at = day(110 - c, 20, p);
      claims.push({ id: claimId, postId, memberId: memberId(m), status: waitlisted ? 'WAITLISTED' : 'CLAIMED', waitlistPosition: waitlisted ? c - places + 1 : null, at });
      history.push({ postId, type: waitlisted ? 'WAITLISTED' : 'CLAIMED', memberId: memberId(m), note: claimId, actorId: null, at });
      if (waitlisted) return;
      // shifts over the last three months: the post's own weekday slot, so that no member's shifts overlap
      for (let week = 0; week < 12; week += 1 + ((m + c + week) % 2)) {
        const daysAgo = 2 + week * 7 + (p % 7);
        const checkInAt = day(daysAgo, 9 + (c % 3) * 3, (m * 7) % 20);
        const minutes = 60 + ((m * 13 + week * 17 + p * 5) % 90);
        const checkOutAt = new Date(checkInAt.getTime() + minutes * MIN);
        const offSite = (m + week) % 11 === 5;
        const waiting = daysAgo < 9;
        const rejected = !waiting && (m + week + p) % 13 === 7;
        const id = `shf_demo_${String(++shiftSerial).padStart(3, '0')}`;
        const verifiedAt = waiting ? null : new Date(checkOutAt.getTime() + 2 * 3600_000);
        shifts.push({
          id, postId, memberId: memberId(m), claimId, checkInAt, checkInLng: lng, checkInLat: lat, checkInDistanceM: 0, checkInOnSite: true,
          checkOutAt, checkOutLng: offSite ? lng + 0.01 : lng, checkOutLat: lat, checkOutDistanceM: offSite ? 855.5 : 0, checkOutOnSite: !offSite, minutes,
          verifiedAt, verifiedById: verifiedAt ? 'usr_grid.caochang' : null, rejected, note: rejected ? '未见到现场服务记录' : null,
        });
        history.push({ postId, type: 'CHECKED_IN', memberId: memberId(m), note: id, actorId: null, at: checkInAt });
        history.push({ postId, type: 'CHECKED_OUT', memberId: memberId(m), note: id, actorId: null, at: checkOutAt });
        if (verifiedAt) history.push({ postId, type: rejected ? 'REJECTED' : 'VERIFIED', memberId: memberId(m), note: id, actorId: null, at: verifiedAt });
      }
    });
    history.sort((a, b) => a.at.getTime() - b.at.getTime());
    history.forEach((e, i) => events.push({ ...e, id: `vev_${postId}_${i + 1}`, seq: i + 1 }));
    posts.push({
      id: postId, communityId: communityId(community), category: category as Prisma.VolunteerPostCreateManyInput['category'], title, description, schedule, places,
      claimed: Math.min(places, claimants.length), skills, lng, lat, open: true, createdById: null, version: history.length, createdAt,
    });
  });

  // 支部吹哨: the power company's branch calls its members to a weekend clean-up in 草厂, due in two days
  const calls: Prisma.BranchCallCreateManyInput[] = [
    {
      id: 'bcl_grid_cleanup', branch: BRANCHES.grid.branch, communityId: communityId('caochang'), title: '周末背街小巷环境整治',
      text: '本周六上午9点在草厂四条集合，清理胡同堆物、小广告，请支部在职党员到居住社区报到参加。', deadline: new Date(now.getTime() + 2 * DAY), places: 10, answered: 2, createdById: null, at: day(1, 10),
    },
  ];
  const answers: Prisma.BranchCallAnswerCreateManyInput[] = [1, 2].map((m) => ({ id: `bca_grid_cleanup_${m}`, callId: 'bcl_grid_cleanup', memberId: memberId(m), at: day(1, 11 + m) }));
  return { persons, members, posts, claims, shifts, calls, answers, events };
}
