/**
 * What a browser downloads to show the workbench the first time: the scripts and stylesheets the built `index.html`
 * names, their bytes on disk and gzipped at level 9 (what a compressing proxy in front of the API would send).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The assets a page loads before its first paint, by kind, as the paths it names them by. */
export interface FirstLoadAssets {
  readonly scripts: readonly string[];
  readonly stylesheets: readonly string[];
}

/** Bytes of one kind of asset. */
export interface AssetBytes {
  readonly files: readonly string[];
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** The value of attribute `name` in one tag's text, quoted either way; undefined when absent. */
function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);
}

/**
 * The scripts (`<script src>`, and modules preloaded by `<link rel="modulepreload">`) and the stylesheets
 * (`<link rel="stylesheet">`) that `html` loads, in order. A chunk imported later by the page itself is not
 * named here, and is not part of the first load.
 */
export function firstLoadAssets(html: string): FirstLoadAssets {
  const scripts: string[] = [];
  const stylesheets: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    if (/^<script/i.test(tag)) {
      const src = attribute(tag, 'src');
      if (src) scripts.push(src);
      continue;
    }
    const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attribute(tag, 'href');
    if (!href) continue;
    if (rel.includes('stylesheet')) stylesheets.push(href);
    else if (rel.includes('modulepreload')) scripts.push(href);
  }
  return { scripts, stylesheets };
}

/** The bytes of `files` (paths from the site's root, as `index.html` names them) under `webDir`, raw and gzipped. */
export function assetBytes(webDir: string, files: readonly string[]): AssetBytes {
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(path.join(webDir, file.replace(/^\//, '').split(/[?#]/)[0]));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files, bytes, gzipBytes };
}

/** The first load of the site built into `webDir`: its JS and its CSS, each raw and gzipped. */
export function firstLoadBytes(webDir: string): { readonly js: AssetBytes; readonly css: AssetBytes } {
  const assets = firstLoadAssets(readFileSync(path.join(webDir, 'index.html'), 'utf8'));
  return { js: assetBytes(webDir, assets.scripts), css: assetBytes(webDir, assets.stylesheets) };
}
