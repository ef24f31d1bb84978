// Flow: a resident comes back weeks later and finds, from the document, what was done with the
// reactions: per chapter the counts, the statuses and the answers, with the timeline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, assertAccessible, DEMO_SLUG } from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a resident finds what was done with the reactions from the document page', async () => {
  const page = await newPage(browser);
  await open(page, `/consultaties/${DEMO_SLUG}`);
  await Promise.all([
    page.waitForURL((url) => url.pathname.endsWith('/resultaat')),
    page.getByRole('link', { name: 'Wat is er met de reacties gedaan?' }).click(),
  ]);
  await page.waitForSelector('h1');
  assert.match(await page.locator('h1').innerText(), /^Wat is er gedaan met de reacties op /);
  assert.match(await page.locator('main').innerText(), /\d+ reacties? ontvangen/);
  assert.ok(await page.locator('.outcome-section').count() > 0, 'a section per chapter');
  assert.ok(await page.locator('.outcome-answer').count() > 0, 'the published answer');
  assert.ok(await page.locator('.timeline').isVisible(), 'the timeline of the process');
  assert.doesNotMatch(await page.locator('main').innerText(), /@/, 'no e-mail addresses');
  await assertAccessible(page, 'what was done with the reactions');
  assert.deepEqual(page.__errors ?? [], []);
  await page.context().close();
});

test('the overview reads the same with JavaScript off', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  const response = await open(page, `/consultaties/${DEMO_SLUG}/resultaat`);
  assert.equal(response.status(), 200);
  assert.ok(await page.locator('.outcome-answer').count() > 0);
  await page.context().close();
});
