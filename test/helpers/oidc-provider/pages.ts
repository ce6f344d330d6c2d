/**
 * The provider's own pages, in Chinese as the city's would be: the login form and the sign-out confirmation. Plain
 * HTML without script; the provider, not the workbench, serves them.
 */

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><main><h1>${title}</h1>${body}</main></body></html>`;

/** The login form of interaction `uid`, with the reason the last attempt was refused. */
export function loginPage(uid: string, problem?: string): string {
  return page(
    '统一身份认证 · 登录',
    `${problem ? `<p role="alert">${problem}</p>` : ''}` +
      `<form method="post" action="/interaction/${encodeURIComponent(uid)}">` +
      `<p><label for="login">用户名</label> <input id="login" name="login" autocomplete="username" required></p>` +
      `<p><label for="password">密码</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>` +
      `<p><button type="submit">登录</button></p></form>`,
  );
}

/** The sign-out confirmation around oidc-provider's own form (`op.logoutForm`, which carries its XSRF token). */
export function logoutPage(form: string): string {
  return page(
    '统一身份认证 · 退出登录',
    `${form}<p>是否退出统一身份认证的登录？</p>` +
      `<p><button type="submit" form="op.logoutForm" value="yes" name="logout">退出登录</button> ` +
      `<button type="submit" form="op.logoutForm">保持登录</button></p>`,
  );
}
