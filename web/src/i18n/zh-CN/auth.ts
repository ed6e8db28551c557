// zh-CN strings of signing in and out. The reference shape: en/auth.ts must match it key for key.
// Placeholders are {{name}} (resolveTemplate of @solid-primitives/i18n).

export const strings = {
  auth: {
    signIn: '登录',
    signOut: '退出',
    signingOut: '正在退出…',
    title: '登录',
    intro: '街道、部门工作人员，议事会成员，报到党员和网格员请使用本人账号登录。组织架构无需登录即可浏览。',
    login: '账号',
    password: '密码',
    submit: '登录',
    submitting: '正在登录…',
    browseAnonymously: '不登录，直接浏览组织架构',
    alreadySignedIn: '您已登录，当前用户：{{name}}。',
    invalidCredentials: '账号或密码不正确。',
    tooManyAttempts: '登录失败次数过多，请 {{seconds}} 秒后再试。',
    invalidInput: '请检查以下内容：{{fields}}。',
    signOutFailed: '退出失败，请重试。',
  },
};
