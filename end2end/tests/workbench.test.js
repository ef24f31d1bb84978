// The officers' workbench in Chromium: filter the reactions (state in the URL), answer two
// similar reactions jointly from a suggested group, send back -> fix -> approve -> adopt, and
// hide a reaction from the public; the dashboard and the list also work with JavaScript off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, newPage, open, logIn, assertAccessible, isoDate, unique, expectCount, FIXTURES, REVIEWER } from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const LETTER = 'Als mantelzorger vraag ik het college om respijtzorg binnen twee weken beschikbaar te maken in plaats van vier weken. '
  + 'Wie vastloopt kan niet een maand wachten op een adempauze.';

/// A fresh consultation from the real ASD fixture, with three reactions on one paragraph.
async function seed() {
  const slug = `werkbank-${unique()}`;
  execFileSync(process.env.INSPRAAK_BIN, ['import', path.join(FIXTURES, 'asd-advies-verslag-2023.md'), '--slug', slug,
    '--title', 'Werkbank proef', '--opens', isoDate(-3), '--closes', isoDate(30)], { env: process.env, stdio: 'pipe' });
  const resident = await newPage(browser);
  const bodies = [`${LETTER} Ik zorg al zes jaar voor mijn moeder.`, `${LETTER} Mijn man heeft dementie.`,
    `Mijn buurman Jan Jansen op nummer 4 houdt ons wakker (${unique()}).`];
  for (const body of bodies) {
    await open(resident, `/consultaties/${slug}`);
    await resident.locator('[data-block] a.comment-link').first().click();
    await resident.waitForSelector('#reactie-tekst');
    await resident.fill('#reactie-tekst', body);
    await resident.click('.comment-form button[type=submit]');
    await resident.locator('.tracking-code').waitFor();
  }
  return { slug, bodies };
}

test('filter, joint answer, send back, fix, approve, adopt, and hide', async () => {
  assert.ok(process.env.INSPRAAK_BIN, 'the inspraak binary is given');
  const { slug, bodies } = await seed();
  const officer = await newPage(browser);
  await logIn(officer);

  // The dashboard: counts, an SVG chart with its numbers, the heat map.
  await open(officer, `/beheer/consultaties/${slug}`);
  assert.match(await officer.locator('.figures').innerText(), /3\s+reacties/);
  assert.equal(await officer.locator('svg[role=img] rect').count(), 7, 'six statuses and the unanswered');
  assert.match(await officer.locator('svg desc').textContent(), /Nog niet beantwoord: 3/);
  await assertAccessible(officer, 'consultation dashboard');

  // Filtering: free text and sender; the state lives in the URL.
  await open(officer, `/beheer/consultaties/${slug}/reacties`);
  await assertAccessible(officer, 'reactions list');
  await officer.fill('#filter-q', 'mantelzorger');
  await officer.selectOption('#filter-status', 'nog_niet_beantwoord');
  await Promise.all([officer.waitForURL(/q=mantelzorger/), officer.click('.filters button[type=submit]')]);
  assert.match(officer.url(), /status=nog_niet_beantwoord/);
  await expectCount(officer.locator('article.officer-comment'), 2, 'two unanswered reactions mention mantelzorger');
  assert.match(await officer.locator('.result-count').innerText(), /2 reacties/);
  const shared = officer.url();
  const colleague = await newPage(browser);
  await logIn(colleague, { email: REVIEWER.email });
  await open(colleague, shared);
  assert.equal(await colleague.locator('article.officer-comment').count(), 2, 'a colleague opens the same view');

  // Joint answer from the suggested group: both campaign letters, each with its own status.
  await open(officer, `/beheer/consultaties/${slug}/groepen`);
  await assertAccessible(officer, 'grouping suggestions');
  const group = officer.locator('section.group').first();
  assert.equal(await group.locator('input[type=checkbox]:checked').count(), 2);
  await Promise.all([officer.waitForURL(/gezamenlijk\?r=/), group.locator('button[type=submit]').click()]);
  await assertAccessible(officer, 'joint answer');
  const selects = officer.locator('#gezamenlijk select');
  await selects.nth(0).selectOption('verwerkt');
  await selects.nth(1).selectOption('deels_verwerkt');
  await officer.fill('#gezamenlijk-tekst', 'Het college maakt respijtzorg binnen twee weken mogelijk.');
  await officer.check('#gezamenlijk-state-ter_beoordeling');
  await officer.click('#gezamenlijk button[type=submit]');
  await officer.locator('.notice', { hasText: 'opgeslagen' }).waitFor();

  // The reviewer sends one back with a remark and approves the other.
  await open(colleague, `/beheer/consultaties/${slug}/reacties?staat=ter_beoordeling`);
  assert.equal(await colleague.locator('article.officer-comment').count(), 2);
  const [first, second] = [0, 1].map((i) => colleague.locator('article.officer-comment').nth(i));
  await first.locator('textarea[name="form[remark]"]').fill('Noem ook de weekendopvang.');
  await first.locator('button[value="terugsturen"]').click();
  await first.locator('.badge-state', { hasText: 'concept' }).waitFor();
  await second.locator('button[value="goedkeuren"]').click();
  await second.locator('.badge-state', { hasText: 'goedgekeurd' }).waitFor();

  // The officer fixes the one sent back; the remark is in its history.
  await open(officer, `/beheer/consultaties/${slug}/reacties?staat=concept`);
  const fix = officer.locator('article.officer-comment').first();
  await fix.locator('.history summary').click();
  assert.match(await fix.locator('.history').innerText(), /Noem ook de weekendopvang/);
  await fix.locator('textarea[name="form[body]"]').fill('Het college maakt respijtzorg binnen twee weken mogelijk, ook in het weekend.');
  await fix.locator('input[value="ter_beoordeling"]').check();
  await fix.locator('.answer-form button[type=submit]').click();
  await fix.locator('.badge-state', { hasText: 'ter beoordeling' }).waitFor();
  await open(colleague, `/beheer/consultaties/${slug}/reacties?staat=ter_beoordeling`);
  await colleague.locator('article.officer-comment button[value="goedkeuren"]').click();
  await colleague.locator('article.officer-comment .badge-state', { hasText: 'goedgekeurd' }).waitFor();

  // Hide the third reaction (a neighbour's name), then answer and approve it.
  await open(officer, `/beheer/consultaties/${slug}/reacties?q=buurman`);
  const neighbour = officer.locator('article.officer-comment').first();
  await neighbour.locator('details.moderation summary').click();
  await neighbour.locator('details.moderation input[name="form[reason]"]').fill('Naam van een derde.');
  await neighbour.locator('details.moderation button[type=submit]').click();
  await neighbour.locator('.badge-hidden').waitFor();
  await neighbour.locator('select[name="form[status]"]').selectOption('buiten_reikwijdte');
  await neighbour.locator('textarea[name="form[body]"]').fill('Overlast kunt u melden bij de wijkagent.');
  await neighbour.locator('input[value="ter_beoordeling"]').check();
  await neighbour.locator('.answer-form button[type=submit]').click();
  await neighbour.locator('.badge-state', { hasText: 'ter beoordeling' }).waitFor();
  await open(colleague, `/beheer/consultaties/${slug}/reacties?staat=ter_beoordeling`);
  await colleague.locator('article.officer-comment button[value="goedkeuren"]').click();
  await colleague.locator('article.officer-comment .badge-state', { hasText: 'goedgekeurd' }).waitFor();

  // Adopt the whole set on a date; the report shows the answers but not the hidden text.
  await open(officer, `/beheer/consultaties/${slug}`);
  await officer.fill('#vastgesteld-op', isoDate(0));
  await officer.click('#vaststelling button[type=submit]');
  await officer.locator('#vaststelling .saved-note', { hasText: 'vastgesteld' }).waitFor();
  const report = await newPage(browser);
  await open(report, `/consultaties/${slug}/reactienota`);
  const text = await report.locator('main').innerText();
  assert.match(text, /ook in het weekend/);
  assert.match(text, /Overlast kunt u melden bij de wijkagent/);
  assert.ok(!text.includes('Jan Jansen'), 'the hidden text is not published');
  assert.ok(text.includes(bodies[0]), 'the visible reactions are');

  // Frozen: a change now asks for a reason.
  await open(officer, `/beheer/consultaties/${slug}/reacties?q=buurman`);
  assert.equal(await officer.locator('article.officer-comment [name="form[reason]"]').count(), 2, 'the answer form asks for a reason, the hide form has its own');
  assert.match(await officer.locator('article.officer-comment .answer-form').innerText(), /Reden van de wijziging/);

  // The admin reads every step in the audit log.
  await open(officer, `/beheer/consultaties/${slug}/logboek`);
  await assertAccessible(officer, 'audit log');
  const log = await officer.locator('table.audit').innerText();
  assert.match(log, /Noem ook de weekendopvang/);
  assert.match(log, /verborgen: Naam van een derde/);
  assert.match(log, /vastgesteld/);
});

test('the list filters and hides with JavaScript off', async () => {
  const { slug } = await seed();
  const officer = await newPage(browser, { javaScriptEnabled: false });
  await logIn(officer);
  await open(officer, `/beheer/consultaties/${slug}/reacties`);
  await officer.fill('#filter-q', 'buurman');
  await Promise.all([officer.waitForURL(/q=buurman/), officer.click('.filters button[type=submit]')]);
  assert.equal(await officer.locator('article.officer-comment').count(), 1);
  const checker = await newPage(browser);
  await logIn(checker);
  await open(checker, officer.url());
  await assertAccessible(checker, 'the same filtered list, signed in');

  // Hiding without a reason is refused next to the field, and the filter stays.
  const card = officer.locator('article.officer-comment').first();
  await card.locator('details.moderation summary').click();
  await Promise.all([officer.waitForURL(/formulier=/), card.locator('details.moderation button[type=submit]').click()]);
  assert.match(officer.url(), /q=buurman/);
  const again = officer.locator('article.officer-comment').first();
  assert.match(await again.locator('details.moderation .field-error').innerText(), /verplicht/i);
  await again.locator('details.moderation input[name="form[reason]"]').fill('Naam van een derde.');
  await Promise.all([officer.waitForURL(/q=buurman/), again.locator('details.moderation button[type=submit]').click()]);
  assert.equal(await officer.locator('article.officer-comment .badge-hidden').count(), 1);
  assert.doesNotMatch(officer.url(), /formulier=/);

  // Answer twice without JavaScript: the second save starts from the first revision.
  for (const text of ['Overlast meldt u bij de wijkagent.', 'Overlast meldt u bij de wijkagent of via 14 0123.']) {
    const form = officer.locator('article.officer-comment .answer-form').first();
    await form.locator('select[name="form[status]"]').selectOption('buiten_reikwijdte');
    await form.locator('textarea[name="form[body]"]').fill(text);
    await Promise.all([officer.waitForURL(/#reactie-/), form.locator('button[type=submit]').click()]);
    assert.doesNotMatch(officer.url(), /formulier=/, `saved: ${text}`);
  }
  const history = officer.locator('article.officer-comment .history');
  await history.locator('summary').click();
  assert.match(await history.locator('summary').innerText(), /\(2\)/);

  // And show it again.
  const shown = officer.locator('article.officer-comment').first();
  await shown.locator('details.moderation summary').click();
  await shown.locator('details.moderation input[name="form[reason]"]').fill('Na overleg: geen persoonsgegevens.');
  await Promise.all([officer.waitForURL(/#reactie-/), shown.locator('details.moderation button[type=submit]').click()]);
  assert.equal(await officer.locator('article.officer-comment .badge-hidden').count(), 0);
});

test('an admin gives a colleague the reviewer role', async () => {
  const admin = await newPage(browser);
  await logIn(admin);
  await Promise.all([admin.waitForURL(/gebruikers/), admin.click('a[href="/beheer/gebruikers"]')]);
  await assertAccessible(admin, 'staff and roles');
  const card = admin.locator('li.card', { hasText: 'sander@lindeburg.example' });
  await card.locator('select').selectOption('reviewer');
  await card.getByRole('button', { name: /Rol wijzigen/ }).click();
  await card.locator('.saved-note', { hasText: 'gewijzigd' }).waitFor();
  assert.match(await card.locator('.meta').innerText(), /beoordelaar/);
  const own = admin.locator('li.card', { hasText: 'beleid@lindeburg.example' });
  assert.equal(await own.locator('select').count(), 0, 'no control over one\'s own role');
});
