// Flows 2, 4 and 6 with JavaScript on: an officer logs in, imports the real fixture as a new
// consultation, a resident comments on it, the officer answers (concept, then final: two
// revisions), the resident sees the final answer, and the response document lists it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import { launch, newPage, open, logIn, assertAccessible, isoDate, unique, BASE, FIXTURES, OFFICER, REVIEWER, CODE_PATTERN } from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a wrong password is refused with a message, and the e-mail address is kept', async () => {
  const page = await newPage(browser);
  await open(page, '/inloggen');
  await assertAccessible(page, 'login page');
  await page.fill('#login-email', OFFICER.email);
  await page.fill('#login-password', 'fout-wachtwoord');
  await page.click('#inloggen button[type=submit]');
  await page.waitForSelector('.field-error');
  assert.match(await page.locator('.field-error').first().innerText(), /onjuist|klopt niet/i);
  assert.equal(await page.inputValue('#login-email'), OFFICER.email);
  assert.equal(new URL(page.url()).pathname, '/inloggen');
});

test('the workbench needs a login', async () => {
  const page = await newPage(browser);
  await open(page, '/beheer/nieuw');
  assert.match(await page.locator('main').innerText(), /inloggen|ingelogd/i);
  assert.equal(await page.locator('#nieuwe-consultatie').count(), 0, 'no import form without login');
});

test('a bad file is refused with a clear message and nothing is half-imported', async () => {
  const page = await newPage(browser);
  await logIn(page);
  await open(page, '/beheer/nieuw');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'inspraak-'));
  const empty = path.join(dir, 'leeg.md');
  writeFileSync(empty, '');
  const slug = `leeg-${unique()}`;
  await page.fill('#c-title', 'Leeg document');
  await page.fill('#c-slug', slug);
  await page.fill('#c-opens', isoDate(-1));
  await page.fill('#c-closes', isoDate(30));
  await page.setInputFiles('#c-file', empty);
  await page.click('#nieuwe-consultatie button[type=submit]');
  await page.waitForSelector('.field-error');
  assert.match(await page.locator('main').innerText(), /leeg/i);
  assert.equal(await page.inputValue('#c-title'), 'Leeg document', 'the title is kept');
  const response = await page.request.get(`${BASE}/consultaties/${slug}`);
  assert.equal(response.status(), 404, 'no consultation was created');
});

test('import, comment, answer twice, track, and the response document', async () => {
  assert.ok(FIXTURES, 'the fixtures in ../shared/fixtures are present');
  const officer = await newPage(browser);
  await logIn(officer);
  await assertAccessible(officer, 'officer home');

  // Flow 2: import the real Markdown fixture.
  const slug = `regiovisie-${unique()}`;
  await open(officer, '/beheer/nieuw');
  await assertAccessible(officer, 'new consultation form');
  await officer.fill('#c-title', 'Regiovisie Hollands Midden 2019-2023');
  await officer.fill('#c-slug', slug);
  await officer.fill('#c-description', 'Regiovisie huiselijk geweld en kindermishandeling.');
  await officer.fill('#c-opens', isoDate(-2));
  await officer.fill('#c-closes', isoDate(40));
  await officer.setInputFiles('#c-file', path.join(FIXTURES, 'regiovisie-hollands-midden-2019-2023.md'));
  await Promise.all([
    officer.waitForURL(`**/beheer/consultaties/${slug}**`),
    officer.click('#nieuwe-consultatie button[type=submit]'),
  ]);
  assert.match(await officer.locator('main').innerText(), /ingelezen/);

  // The public page shows the imported structure.
  const resident = await newPage(browser);
  await open(resident, `/consultaties/${slug}`);
  const headings = await resident.locator('main h2').allInnerTexts();
  assert.ok(headings.some((h) => /Hoofdstuk 5/.test(h)), `chapter headings: ${headings.slice(0, 8)}`);
  assert.ok(await resident.locator('[data-block]').count() > 200, 'the fixture has over 200 blocks');
  const target = resident.locator('[data-block*="-a-"]').first();
  const label = await target.locator('.block-label').innerText();
  assert.match(label, /^\d+\.a, alinea \d+$/);

  // Flow 3: a resident comments on that block, without showing the name.
  await target.locator('a.comment-link').click();
  await resident.waitForSelector('#reactie-tekst');
  const comment = `Neem de huisarts op in de ketenaanpak (${unique()}).`;
  await resident.fill('#reactie-tekst', comment);
  await resident.fill('#reactie-naam', 'Karin Bos');
  await resident.check('#reactie-toestemming');
  await resident.click('.comment-form button[type=submit]');
  const code = (await resident.locator('.tracking-code').innerText()).trim();
  assert.match(code, CODE_PATTERN);

  // Flow 4: the officer finds it in the reactions list, with the private name (staff only).
  await open(officer, `/beheer/consultaties/${slug}/reacties`);
  const card = officer.locator('article.officer-comment', { hasText: comment });
  assert.equal(await card.count(), 1);
  assert.match(await card.innerText(), /Karin Bos/);
  assert.equal(await card.locator('textarea[name="form[body]"]').count(), 1, 'an answer field');
  assert.equal(await card.locator('.comment-body textarea, .comment-body input').count(), 0, 'the comment is not editable');
  await assertAccessible(officer, 'officer consultation page');

  // Empty answer: refused next to the field.
  await card.locator('.answer-form button[type=submit]').click();
  await card.locator('.field-error').first().waitFor();
  assert.match(await card.locator('.field-error').first().innerText(), /verplicht|kies/i);

  // First save: concept.
  await card.locator('textarea[name="form[body]"]').fill('Concept: we nemen dit mee.');
  await card.locator('select[name="form[status]"]').selectOption('verwerkt');
  await card.locator('input[name="form[processed_where]"]').fill('Hoofdstuk 5, paragraaf a');
  await card.locator('input[value="concept"]').check();
  await card.locator('.answer-form button[type=submit]').click();
  await card.locator('.saved-note', { hasText: 'opgeslagen' }).waitFor();

  // The resident does not see a concept.
  await open(resident, `/volg/${code}`);
  assert.match(await resident.locator('main').innerText(), /nog geen antwoord/i);

  // Second save: offered for review.
  await card.locator('textarea[name="form[body]"]').fill('De huisarts is toegevoegd aan de ketenpartners in paragraaf 5.a.');
  await card.locator('input[value="ter_beoordeling"]').check();
  await card.locator('.answer-form button[type=submit]').click();
  await card.locator('.history summary', { hasText: '(2)' }).waitFor();
  await card.locator('.history summary').click();
  const history = await card.locator('.history li').allInnerTexts();
  assert.equal(history.length, 2, 'two revisions');
  assert.match(history[1], /Concept: we nemen dit mee/);

  // A reviewer approves it; the history survives a reload.
  const reviewer = await newPage(browser);
  await logIn(reviewer, { email: REVIEWER.email });
  await open(reviewer, `/beheer/consultaties/${slug}/reacties?staat=ter_beoordeling`);
  const review = reviewer.locator('article.officer-comment', { hasText: comment });
  await review.locator('button[value="goedkeuren"]').click();
  await review.locator('.badge-state', { hasText: 'goedgekeurd' }).waitFor();
  await open(officer, `/beheer/consultaties/${slug}/reacties`);
  const reloaded = officer.locator('article.officer-comment', { hasText: comment });
  assert.match(await reloaded.locator('.history summary').innerText(), /\(3\)/);

  // Flow 5: the resident sees the final answer and status.
  await open(resident, `/volg/${code}`);
  const tracked = await resident.locator('main').innerText();
  assert.match(tracked, /De huisarts is toegevoegd/);
  assert.match(tracked, /[Vv]erwerkt/);
  assert.doesNotMatch(tracked, /Karin Bos/);

  // Flow 6: the response document.
  await open(resident, `/consultaties/${slug}/reactienota`);
  const report = await resident.locator('main').innerText();
  assert.match(report, /1 reactie ontvangen/);
  assert.ok(report.includes(comment));
  assert.match(report, /Inspreker 1/);
  assert.doesNotMatch(report, /Karin Bos/);
  assert.ok(report.includes(label), `the paragraph label ${label}`);
  assert.match(report, /De huisarts is toegevoegd/);
  const md = await (await fetch(`${BASE}/consultaties/${slug}/reactienota.md`)).text();
  assert.ok(md.includes(label));
  assert.ok(md.includes('De huisarts is toegevoegd'));
  assert.doesNotMatch(md, /Karin Bos/);
});

test('an officer logs out', async () => {
  const page = await newPage(browser);
  await logIn(page);
  await page.click('.site-header button.link-button');
  await page.waitForURL(`${BASE}/`);
  // The address changes before the full reload that forgets the session has drawn the header.
  await page.locator('.site-header a[href="/inloggen"]').waitFor();
  assert.equal(await page.locator('.site-header a[href="/inloggen"]').count(), 1, 'the header offers to log in');
  const response = await open(page, '/beheer');
  assert.equal(response.status(), 401);
  assert.match(await page.locator('main').innerText(), /inloggen/i);
});
