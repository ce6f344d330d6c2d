/** The benchmark counts, as the workbench's first load, exactly the scripts and stylesheets its index.html names. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { firstLoadAssets, firstLoadBytes } from '../../bench/first-load';

const INDEX = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta name="csp-nonce" content="__CSP_NONCE__" />
    <script type="module" crossorigin src="/assets/index-35FFxKoL.js"></script>
    <link rel="modulepreload" crossorigin href='/assets/vendor-a1.js'>
    <link rel="stylesheet" crossorigin href="/assets/index-B_g-5ka9.css">
    <link rel="icon" href="/favicon.ico">
    <script>window.inline = true</script>
  </head>
  <body><div id="root"></div></body>
</html>`;

describe('the first load of a page', () => {
  it('is its script sources and preloaded modules as JS, its stylesheets as CSS, and nothing else it links', () => {
    expect(firstLoadAssets(INDEX)).toEqual({
      scripts: ['/assets/index-35FFxKoL.js', '/assets/vendor-a1.js'],
      stylesheets: ['/assets/index-B_g-5ka9.css'],
    });
  });

  it('weighs each kind by the bytes of its files on disk and gzipped at level 9', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'first-load-'));
    try {
      mkdirSync(path.join(dir, 'assets'));
      const files: Record<string, string> = {
        'assets/index-35FFxKoL.js': 'console.log("工作台");'.repeat(50),
        'assets/vendor-a1.js': 'export const x = 1;',
        'assets/index-B_g-5ka9.css': 'body { margin: 0 }'.repeat(20),
      };
      for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
      writeFileSync(path.join(dir, 'index.html'), INDEX);
      const size = (name: string) => Buffer.byteLength(files[name]);
      const gzipped = (name: string) => gzipSync(Buffer.from(files[name]), { level: 9 }).length;

      const { js, css } = firstLoadBytes(dir);

      expect(js.bytes).toBe(size('assets/index-35FFxKoL.js') + size('assets/vendor-a1.js'));
      expect(js.gzipBytes).toBe(gzipped('assets/index-35FFxKoL.js') + gzipped('assets/vendor-a1.js'));
      expect(css).toEqual({
        files: ['/assets/index-B_g-5ka9.css'],
        bytes: size('assets/index-B_g-5ka9.css'),
        gzipBytes: gzipped('assets/index-B_g-5ka9.css'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
