// zh-CN strings of the frame of every page: product name, navigation, language switch, roles, the
// viewer badge, 404. The reference shape: en/shell.ts must match it key for key.
// Placeholders are {{name}} (resolveTemplate of @solid-primitives/i18n).

export const strings = {
  app: {
    name: '汇哨',
    fullName: '汇哨 Whistlehub',
    tagline: '街乡吹哨 · 部门报到 · 接诉即办',
    title: '{{page}} · 汇哨',
    skipToContent: '跳到主要内容',
    footer: '汇哨 · 北京基层治理协同平台',
  },
  nav: {
    label: '主导航',
    org: '组织架构',
    tickets: '工单',
    whistles: '吹哨',
    councils: '议事厅',
    volunteers: '双报到',
    board: '看板',
    comingSoon: '即将上线',
    comingSoonSuffix: '（即将上线）',
  },
  locale: {
    label: '界面语言',
    zhCN: '中文',
    en: 'English',
  },
  roles: {
    ADMIN: '系统管理员',
    DISTRICT_DISPATCHER: '区派单员',
    STREET_OFFICER: '街道工作人员',
    DEPARTMENT_OFFICER: '部门工作人员',
    COUNCIL_MEMBER: '议事会成员',
    PARTY_MEMBER: '报到党员',
    GRID_WORKER: '网格员',
    INTEGRATOR: '系统对接方',
  },
  viewer: {
    label: '当前用户',
    roles: '角色',
    noRoles: '无工作角色',
    roleInUnit: '{{role}} · {{unit}}',
  },
  notFound: {
    title: '页面不存在',
    body: '您访问的地址不存在，可能已被移动或输入有误。',
    back: '返回组织架构',
  },
};
