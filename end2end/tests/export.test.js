// Flow: the nota van beantwoording leaves the application. A reader downloads it as Word or
// Excel with options (also with JavaScript off), prints it as a clean PDF, and staff get the
// option to include hidden reactions. With axe-core on the page with the download form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, newPage, open, assertAccessible, logIn, BASE, DEMO_SLUG } from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const NOTA = `/consultaties/${DEMO_SLUG}/reactienota`;

async function downloadBy(page, action) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), action()]);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'inspraak-')), download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), url: download.url(), bytes: readFileSync(file) };
}

test('a reader downloads the nota as Word and as Excel per status', async () => {
  const page = await newPage(browser);
  await open(page, NOTA);
  await assertAccessible(page, 'response document with downloads');
  assert.equal(await page.locator('#download-hidden').count(), 0, 'hidden reactions are not offered to the public');
  const word = await downloadBy(page, () => page.getByRole('button', { name: 'Downloaden' }).click());
  assert.equal(word.name, `reactienota-${DEMO_SLUG}.docx`);
  assert.equal(word.bytes.subarray(0, 2).toString(), 'PK', 'a Word package');
  await page.selectOption('#download-format', 'xlsx');
  await page.selectOption('#download-order', 'status');
  const excel = await downloadBy(page, () => page.getByRole('button', { name: 'Downloaden' }).click());
  assert.equal(excel.name, `reactienota-${DEMO_SLUG}.xlsx`);
  assert.match(excel.url, /volgorde=status/);
  const zip = await downloadBy(page, () => page.getByRole('link', { name: /Dossier voor de Woo/ }).click());
  assert.equal(zip.name, `dossier-${DEMO_SLUG}.zip`);
  assert.deepEqual(page.__errors ?? [], []);
  await page.context().close();
});

test('with JavaScript off the download form still works, and names can be left out', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await open(page, NOTA);
  await page.selectOption('#download-format', 'md');
  await page.uncheck('#download-names');
  const md = await downloadBy(page, () => page.getByRole('button', { name: 'Downloaden' }).click());
  assert.equal(md.name, `reactienota-${DEMO_SLUG}.md`);
  assert.match(md.url, /namen=nee/);
  const text = md.bytes.toString('utf8');
  assert.match(text, /^# Nota van beantwoording/);
  assert.match(text, /Inspreker 1/);
  await page.context().close();
});

for (const [what, url] of [['page', NOTA], ['print version', `${NOTA}.html`]]) {
  test(`the printed nota (${what}) has no navigation, a running header and page numbers`, async () => {
    const page = await newPage(browser);
    if (url.endsWith('.html')) {
      const response = await page.goto(new URL(url, BASE).href);
      assert.equal(response.status(), 200);
      await assertAccessible(page, 'print version');
    } else {
      await open(page, url);
    }
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header').isVisible(), false, 'no navigation in print');
    assert.equal(await page.locator('.report-downloads').isVisible(), false, 'no forms in print');
    const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
    const dir = mkdtempSync(path.join(tmpdir(), 'inspraak-print-'));
    writeFileSync(path.join(dir, 'nota.pdf'), pdf);
    const pages = execFileSync('pdftotext', ['-layout', path.join(dir, 'nota.pdf'), '-']).toString().split('\f').filter((p) => p.trim());
    assert.ok(pages.length >= 2, `more than one page: ${pages.length}`);
    for (const [i, text] of pages.entries()) {
      assert.match(text, /Nota van beantwoording/, `the running header on page ${i + 1}`);
      assert.match(text, new RegExp(`\\b${i + 1}\\s*/\\s*${pages.length}\\b`), `the page number on page ${i + 1}`);
      assert.doesNotMatch(text, /Hoofdmenu|Inloggen|Downloaden/, `no navigation or forms on page ${i + 1}`);
    }
    await page.context().close();
  });
}

test('staff may include hidden reactions in their download', async () => {
  const page = await newPage(browser);
  await logIn(page);
  await open(page, NOTA);
  await page.check('#download-hidden');
  await page.selectOption('#download-format', 'csv');
  const csv = await downloadBy(page, () => page.getByRole('button', { name: 'Downloaden' }).click());
  assert.equal(csv.name, `reactienota-${DEMO_SLUG}.csv`);
  assert.match(csv.url, /verborgen=ja/);
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte order mark');
  assert.match(csv.bytes.toString('utf8'), /Onderdeel van het document;/);
  const api = await (await fetch(`${BASE}/api/v1/consultaties/${DEMO_SLUG}/reacties`)).json();
  assert.ok(api.reactions.length > 0);
  assert.ok(api.reactions.every((r) => r.sender.startsWith('Inspreker') || r.sender_type !== 'resident'));
  await page.context().close();
});
