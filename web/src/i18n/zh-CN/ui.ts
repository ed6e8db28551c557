// zh-CN strings of the shared UI pieces (clocks, action outcomes) and the request states every page
// shows. The reference shape: en/ui.ts must match it key for key.
// Placeholders are {{name}} (resolveTemplate of @solid-primitives/i18n).

export const strings = {
  errors: {
    network: '无法连接服务器，请检查网络后重试。',
    server: '服务器出错了，请稍后重试。',
    retry: '重试',
  },
  common: {
    loading: '正在加载…',
    loadMore: '加载更多',
    code: '编码',
    listSeparator: '、',
  },
  ui: {
    clock: {
      left: '还剩 {{duration}}',
      over: '超时 {{duration}}',
      minutes: '{{count}} 分钟',
      hours: '{{count}} 小时',
      days: '{{count}} 天',
    },
    outcome: {
      conflict: '已被他人修改（{{by}}，{{at}}），当前状态：{{status}}。请刷新后再操作。',
      someone: '他人',
      reload: '刷新',
      illegal: '当前状态为“{{current}}”，不能{{action}}。',
      forbidden: '您无权执行此操作。',
      invalid: '请检查：{{fields}}。',
      notFound: '要操作的记录不存在，或您无权查看。',
      refused: '未能执行：{{reason}}。',
      reused: '这次提交的请求编号已用于另一次请求，未做任何更改。请再提交一次。',
    },
  },
};
