// Flows 3 and 6 from the reader's side: the home page, the document page, the response document,
// unknown pages; with axe-core checks on every public page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, assertAccessible, BASE, DEMO_SLUG } from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the home page lists the consultations with links', async () => {
  const page = await newPage(browser);
  const response = await open(page, '/');
  assert.equal(response.status(), 200);
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  const link = page.locator(`a[href="/consultaties/${DEMO_SLUG}"]`).first();
  assert.match(await link.innerText(), /Samen sterk/);
  await assertAccessible(page, 'home page');
  await link.click();
  await page.waitForURL(`**/consultaties/${DEMO_SLUG}`);
  await page.locator('h1', { hasText: 'Samen sterk' }).waitFor();
});

test('the document page shows contents, anchors, counts and the period', async () => {
  const page = await newPage(browser);
  const response = await open(page, `/consultaties/${DEMO_SLUG}`);
  assert.equal(response.status(), 200);
  const body = await page.locator('main').innerText();
  assert.match(body, /Reageren kan tot en met \d{1,2} \w+ \d{4}\./);
  // Table of contents links to section anchors that exist.
  const tocLinks = page.locator('nav[aria-labelledby="toc-titel"] a');
  assert.ok(await tocLinks.count() >= 5, 'table of contents has entries');
  const firstHref = await tocLinks.first().getAttribute('href');
  assert.ok(firstHref.startsWith('#'));
  assert.equal(await page.locator(firstHref).count(), 1, `anchor ${firstHref} exists`);
  // Blocks have anchors, labels, and comment counts where there are comments.
  const blocks = page.locator('[data-block]');
  assert.ok(await blocks.count() >= 20, 'document has commentable blocks');
  assert.ok(await page.locator('table').count() >= 1, 'a table is rendered');
  assert.ok(await page.locator('[id^="voetnoot-"]').count() >= 1, 'footnotes are rendered');
  assert.ok(await page.locator('.comment-count').count() >= 1, 'comment counts are shown');
  await assertAccessible(page, 'consultation page');
});

test('a shared block link scrolls to that block', async () => {
  const page = await newPage(browser);
  await open(page, `/consultaties/${DEMO_SLUG}`);
  const anchor = await page.locator('[data-block]').last().getAttribute('data-block');
  const shared = await newPage(browser);
  await open(shared, `/consultaties/${DEMO_SLUG}#${anchor}`);
  // The browser scrolls to the fragment once the page has settled.
  const inView = await shared.waitForFunction((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return r.top < window.innerHeight && r.bottom > 0;
  }, anchor, { timeout: 5000 }).then(() => true, () => false);
  assert.ok(inView, 'the linked block is in view');
});

test('the response document is public and anonymises private senders', async () => {
  const page = await newPage(browser);
  const response = await open(page, `/consultaties/${DEMO_SLUG}/reactienota`);
  assert.equal(response.status(), 200);
  const text = await page.locator('main').innerText();
  assert.match(text, /\d+ reacties? ontvangen/);
  assert.match(text, /Inspreker 1/);
  assert.doesNotMatch(text, /@/, 'no e-mail addresses');
  await assertAccessible(page, 'response document');
  const md = await fetch(`${BASE}/consultaties/${DEMO_SLUG}/reactienota.md`);
  assert.equal(md.status, 200);
  assert.match(md.headers.get('content-type'), /text\/markdown/);
  const markdown = await md.text();
  assert.match(markdown, /^# /m);
  assert.match(markdown, /Inspreker 1/);
});

test('unknown pages and codes answer 404 with a Dutch page', async () => {
  const page = await newPage(browser);
  for (const url of ['/bestaat-niet', '/consultaties/bestaat-niet', '/volg/AAAAA-AAAAA', '/volg/onzin']) {
    const response = await open(page, url);
    assert.equal(response.status(), 404, `${url} is 404`);
    assert.match(await page.locator('main').innerText(), /niet gevonden|kennen we niet|bestaat niet/i, url);
  }
  await assertAccessible(page, '404 page');
  const md = await fetch(`${BASE}/consultaties/bestaat-niet/reactienota.md`);
  assert.equal(md.status, 404);
});

test('the tracking lookup page is accessible and finds nothing for a wrong code', async () => {
  const page = await newPage(browser);
  await open(page, '/volg');
  await assertAccessible(page, 'tracking lookup');
  await page.fill('#volgcode', 'ZZZZZ-ZZZZZ');
  await Promise.all([
    page.waitForURL(/code=ZZZZZ-ZZZZZ/),
    page.click('.lookup-form button[type=submit]'),
  ]);
  await page.locator('main [role=alert]').waitFor();
  assert.match(await page.locator('main').innerText(), /kennen we niet/i);
});

test('the interface switches to English and back', async () => {
  const page = await newPage(browser);
  await open(page, '/');
  await page.click('a[href^="/taal/en"]');
  await page.waitForLoadState('load');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.click('a[href^="/taal/nl"]');
  await page.waitForLoadState('load');
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
});
