import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererFile, serveRendererRequest } from '../../main/shell/app-protocol';
import { createRendererPages } from '../../main/shell/renderer-pages';

describe('our pages', () => {
  it('are served from app://nekodesk when packaged', () => {
    const pages = createRendererPages(undefined);
    expect(pages.url('main')).toBe('app://nekodesk/index.html');
    expect(pages.url('picker')).toBe('app://nekodesk/picker.html');
    expect(pages.isOurPage('app://nekodesk/picker.html#/search?q=hug')).toBe(true);
    expect(pages.url('capture')).toBe('app://nekodesk/capture.html');
    expect(pages.isOurPage('app://nekodesk/capture.html')).toBe(true);
    expect(pages.pageOf('app://nekodesk/capture.html?x#y')).toBe('capture');
    expect(pages.pageOf('app://nekodesk/index.html')).toBe('main');
    expect(pages.pageOf('app://other/capture.html')).toBeNull();
    for (const url of [
      'app://nekodesk/',
      'app://other/index.html',
      'app://nekodesk/assets/index.js',
      'file:///work/main/out/renderer/index.html',
      'https://nekodesk/index.html',
      'app://user:pw@nekodesk/index.html',
      'not a url',
    ]) {
      expect(pages.isOurPage(url), url).toBe(false);
      expect(pages.pageOf(url), url).toBeNull();
    }
  });

  it('come from the dev server in development (with or without a trailing slash)', () => {
    for (const base of ['http://localhost:5173', 'http://localhost:5173/']) {
      const pages = createRendererPages(base);
      expect(pages.url('main')).toBe('http://localhost:5173/index.html');
      expect(pages.url('picker')).toBe('http://localhost:5173/picker.html');
      expect(pages.isOurPage('http://localhost:5173/')).toBe(true);
      expect(pages.pageOf('http://localhost:5173/')).toBe('main');
      expect(pages.isOurPage('http://localhost:5173/picker.html')).toBe(true);
      expect(pages.isOurPage('http://localhost:5174/picker.html')).toBe(false);
      expect(pages.isOurPage('http://127.0.0.1:5173/picker.html')).toBe(false);
    }
  });
});

describe('the app:// protocol', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Nekodesk</title>');
  writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(dir, '..', `secret-${path.basename(dir)}.html`), 'not yours');

  it('serves a page with our CSP, nosniff and its content type', async () => {
    const response = await serveRendererRequest(new Request('app://nekodesk/index.html'), dir);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response.text()).toContain('<title>Nekodesk</title>');
  });

  it('serves the page’s scripts as JavaScript modules can require', async () => {
    const response = await serveRendererRequest(new Request('app://nekodesk/assets/index-abc.js?v=1'), dir);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves nothing outside the renderer folder, whatever the encoding', async () => {
    const outside = `secret-${path.basename(dir)}.html`;
    for (const url of [
      `app://nekodesk/../${outside}`,
      `app://nekodesk/%2e%2e/${outside}`,
      `app://nekodesk/assets/..%2f..%2f${outside}`,
      `app://nekodesk/..%5c${outside}`,
      'app://nekodesk/%E0%A4%A',
      'app://nekodesk/missing.html',
      'app://nekodesk/assets',
      'app://elsewhere/index.html',
    ]) {
      const response = await serveRendererRequest(new Request(url), dir);
      expect(response.status, url).toBe(404);
      const file = resolveRendererFile(url, dir);
      if (file !== null) expect(file.startsWith(`${dir}${path.sep}`), url).toBe(true);
    }
  });

  it('answers only GET', async () => {
    const response = await serveRendererRequest(
      new Request('app://nekodesk/index.html', { method: 'POST' }),
      dir,
    );
    expect(response.status).toBe(405);
  });
});
