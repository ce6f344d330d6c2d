/**
 * The interactive API docs: one HTML page, one stylesheet and one script, all served by the API itself so they
 * work offline and under a strict Content-Security-Policy (no inline script or style, no CDN). The script reads
 * /openapi.json, lists the operations, and sends real requests with a pasted bearer token.
 */

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page; `base` is the path the docs router is mounted under ('' at the root). */
export function docsHtml(base: string, title: string): string {
  const b = escapeHtml(base);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${b}/docs/app.css">
<script src="${b}/docs/app.js" defer></script>
</head>
<body data-spec="${b}/openapi.json" data-tokens="${b}/dev/tokens" data-base="${b}">
<header>
  <h1 id="title">${escapeHtml(title)}</h1>
  <p id="description"></p>
  <div class="auth">
    <label>Bearer token <input id="token" type="password" autocomplete="off" placeholder="paste a JWT"></label>
    <label id="demo" hidden>demo user <select id="demo-users"><option value="">—</option></select></label>
  </div>
</header>
<main id="operations"><p>loading /openapi.json …</p></main>
<noscript>This page needs JavaScript; the raw description is at <a href="${b}/openapi.json">openapi.json</a>.</noscript>
</body>
</html>
`;
}
