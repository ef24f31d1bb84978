// A resident follows their input by mail, in Chromium against a real local SMTP server: comment
// with an e-mail address -> receipt -> confirm -> answers adopted -> the answer by mail ->
// tracking page -> erase -> the name is gone everywhere; the admin sees only that it happened.
// With JavaScript off: confirming, the lost-code form and erasing work as plain forms.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  launch, newPage, open, logIn, assertAccessible, isoDate, unique, waitForMail, mailsTo, linkIn,
  FIXTURES, REVIEWER, MAILDIR, CODE_PATTERN, BASE,
} from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function seedConsultation(title) {
  const slug = `post-${unique()}`;
  execFileSync(process.env.INSPRAAK_BIN, ['import', path.join(FIXTURES, 'asd-advies-verslag-2023.md'), '--slug', slug,
    '--title', title, '--opens', isoDate(-3), '--closes', isoDate(30)], { env: process.env, stdio: 'pipe' });
  return slug;
}

async function comment(page, slug, { text, name, email }) {
  await open(page, `/consultaties/${slug}`);
  await page.locator('[data-block] a.comment-link').first().click();
  await page.waitForSelector('#reactie-tekst');
  await page.fill('#reactie-tekst', text);
  if (name) {
    await page.fill('#reactie-naam', name);
    await page.check('#reactie-naam-tonen');
  }
  await page.fill('#reactie-email', email);
  await page.check('#reactie-toestemming');
  await page.click('.comment-form button[type=submit]');
  await page.waitForSelector('.tracking-code');
  const code = (await page.locator('.tracking-code').innerText()).trim();
  assert.match(code, CODE_PATTERN);
  return code;
}

/** Opens the link from a mail and presses its button; returns the page after. */
async function useMailLink(page, linkPath, button) {
  await open(page, linkPath);
  await page.getByRole('button', { name: button }).click();
}

test('comment, receipt, confirm, adopted answer by mail, erase: the name is gone everywhere', async () => {
  assert.ok(process.env.INSPRAAK_BIN && MAILDIR, 'the binary and the Maildir are given');
  const id = unique();
  const slug = seedConsultation('Visie op mantelzorg (post)');
  const name = `Henriëtte Zonnebloem ${id}`;
  const email = `henriette-${id}@voorbeeld.nl`;
  const text = `Respijtzorg moet binnen twee weken beschikbaar zijn (${id}).`;

  const resident = await newPage(browser);
  const code = await comment(resident, slug, { text, name, email });

  // The receipt: code, tracking link, confirmation link, unsubscribe link.
  const receipt = await waitForMail(email, /is ontvangen/);
  assert.ok(receipt.text.includes(code), receipt.text);
  assert.equal(linkIn(receipt.text, '/volg/'), `/volg/${code}`);
  assert.match(JSON.stringify(receipt.headers.get('list') ?? {}), /afmelden/, 'a List-Unsubscribe header');
  linkIn(receipt.text, '/afmelden/');
  await open(resident, linkIn(receipt.text, '/bevestigen/'));
  await assertAccessible(resident, 'confirm e-mail page');
  await resident.getByRole('button', { name: 'E-mailadres bevestigen' }).click();
  await resident.getByText('Uw e-mailadres is bevestigd').first().waitFor();

  // The officer answers, the reviewer approves, the college adopts.
  const officer = await newPage(browser);
  await logIn(officer);
  await open(officer, `/beheer/consultaties/${slug}/reacties`);
  const reaction = officer.locator('article.officer-comment').first();
  assert.match(await reaction.innerText(), new RegExp(name), 'the officer sees the name');
  await reaction.locator('select[name="form[status]"]').selectOption('verwerkt');
  await reaction.locator('textarea[name="form[body]"]').fill(`Het college maakt respijtzorg binnen twee weken mogelijk (${id}).`);
  await reaction.locator('input[value="ter_beoordeling"]').check();
  await reaction.locator('.answer-form button[type=submit]').click();
  await reaction.locator('.badge-state', { hasText: 'ter beoordeling' }).waitFor();
  const reviewer = await newPage(browser);
  await logIn(reviewer, { email: REVIEWER.email });
  await open(reviewer, `/beheer/consultaties/${slug}/reacties?staat=ter_beoordeling`);
  await reviewer.locator('article.officer-comment button[value="goedkeuren"]').click();
  await reviewer.locator('article.officer-comment .badge-state', { hasText: 'goedgekeurd' }).waitFor();
  await open(officer, `/beheer/consultaties/${slug}`);
  await officer.fill('#vastgesteld-op', isoDate(0));
  await officer.click('#vaststelling button[type=submit]');
  await officer.locator('#vaststelling .saved-note', { hasText: 'vastgesteld' }).waitFor();

  // One message with the answer in it.
  const answer = await waitForMail(email, /beantwoord/);
  assert.ok(answer.text.includes(`Het college maakt respijtzorg binnen twee weken mogelijk (${id}).`), answer.text);
  assert.ok(answer.text.includes('/resultaat'), 'a link to what was done with all reactions');
  await open(officer, `/consultaties/${slug}/reactienota`);
  assert.match(await officer.locator('main').innerText(), new RegExp(name), 'shown by name, with consent');

  // From the tracking page: erase. A confirmed address confirms by mail.
  await open(resident, linkIn(answer.text, '/volg/'));
  await assertAccessible(resident, 'tracking page with personal data');
  const privacy = resident.locator('#gegevens');
  assert.match(await privacy.innerText(), /uw naam en uw e-mailadres bewaard/);
  await privacy.getByRole('button', { name: 'Mijn naam en e-mailadres wissen' }).click();
  await privacy.locator('.field-error', { hasText: 'Vink aan' }).waitFor();
  await resident.check('#wissen-bevestig');
  await privacy.getByRole('button', { name: 'Mijn naam en e-mailadres wissen' }).click();
  await privacy.getByText('We hebben u een e-mail gestuurd').first().waitFor();
  const erasure = await waitForMail(email, /wissen/);
  await open(resident, linkIn(erasure.text, '/wissen/'));
  await assertAccessible(resident, 'erase page');
  await resident.getByRole('button', { name: 'Ja, wis mijn gegevens' }).click();
  await resident.getByText('zijn gewist').first().waitFor();

  // Gone: from the nota (web and download), the overview, the officers' list, the tracking page.
  for (const where of [`/consultaties/${slug}/reactienota`, `/consultaties/${slug}/resultaat`, `/volg/${code}`]) {
    await open(resident, where);
    const shown = await resident.locator('main').innerText();
    assert.ok(!shown.includes('Zonnebloem'), `the name is gone from ${where}`);
  }
  await open(resident, `/consultaties/${slug}/reactienota`);
  assert.match(await resident.locator('main').innerText(), /Inspreker 1/);
  assert.match(await resident.locator('main').innerText(), new RegExp(`\\(${id}\\)`), 'the reaction stays');
  const markdown = await (await resident.request.get(new URL(`/consultaties/${slug}/reactienota.md`, BASE).href)).text();
  assert.ok(!markdown.includes('Zonnebloem') && markdown.includes('Inspreker 1'));
  await open(officer, `/beheer/consultaties/${slug}/reacties`);
  const list = await officer.locator('main').innerText();
  assert.ok(!list.includes('Zonnebloem') && !list.includes(email), 'gone for the officers too');
  assert.match(list, new RegExp(`\\(${id}\\)`));

  // The admin sees that an erasure happened, not what.
  await open(officer, '/beheer/post');
  await assertAccessible(officer, 'outbox and erasures');
  const admin = await officer.locator('main').innerText();
  assert.match(admin, /Op verzoek van de inspreker/);
  assert.match(admin, /Visie op mantelzorg \(post\)/);
  assert.ok(!admin.includes('Zonnebloem') && !admin.includes(email));
  assert.equal((await mailsTo(email)).filter((m) => /beantwoord/.test(m.subject)).length, 1, 'the answer came once');
  assert.deepEqual(resident.__errors ?? [], []);
  assert.deepEqual(officer.__errors ?? [], []);
  for (const page of [resident, officer, reviewer]) await page.context().close();
});

test('with JavaScript off: confirm, lost codes (same answer for any address), and erase', async () => {
  const id = unique();
  const slug = seedConsultation('Visie op de wijk (post, zonder JavaScript)');
  const email = `kees-${id}@voorbeeld.nl`;
  const page = await newPage(browser, { javaScriptEnabled: false });
  const code = await comment(page, slug, { text: `Meer bankjes in het park (${id}).`, name: `Kees Klaproos ${id}`, email });
  assert.match(page.url(), new RegExp(`/volg/${code}`));

  const receipt = await waitForMail(email, /is ontvangen/);
  await useMailLink(page, linkIn(receipt.text, '/bevestigen/'), 'E-mailadres bevestigen');
  await page.waitForURL(new RegExp(`/volg/${code}\\?bevestigen=klaar`));
  await page.getByText('Uw e-mailadres is bevestigd').first().waitFor();

  // The lost-code form: an error next to the field keeps what was typed; any address, the same answer.
  await open(page, '/volg');
  await page.getByRole('link', { name: 'Volgcode kwijt?' }).click();
  await page.waitForSelector('#kwijt-email');
  await assertAccessible(page, 'lost code form');
  await page.fill('#kwijt-email', 'kees@');
  await page.click('#volgcode-kwijt button[type=submit]');
  await page.locator('.field-error').waitFor();
  assert.equal(await page.inputValue('#kwijt-email'), 'kees@');
  const answers = [];
  for (const address of [email, `onbekend-${id}@voorbeeld.nl`]) {
    await open(page, '/volg/kwijt');
    await page.fill('#kwijt-email', address);
    await page.click('#volgcode-kwijt button[type=submit]');
    await page.waitForURL(/verstuurd=1/);
    answers.push(await page.locator('main').innerText());
  }
  assert.equal(answers[0], answers[1], 'known and unknown addresses get the same page');
  const codes = await waitForMail(email, /volgcodes/);
  assert.ok(codes.text.includes(code), codes.text);
  assert.equal((await mailsTo(`onbekend-${id}@voorbeeld.nl`)).length, 0);

  // Erase with a plain form post: the tick, the mail, the link, the button.
  await open(page, `/volg/${code}`);
  await page.check('#wissen-bevestig');
  await page.getByRole('button', { name: 'Mijn naam en e-mailadres wissen' }).click();
  await page.waitForURL(/wissen=mail/);
  const erasure = await waitForMail(email, /wissen/);
  await useMailLink(page, linkIn(erasure.text, '/wissen/'), 'Ja, wis mijn gegevens');
  await page.waitForURL(/wissen=klaar/);
  const tracking = await page.locator('main').innerText();
  assert.match(tracking, /zijn gewist/);
  assert.match(tracking, /Bij deze reactie zijn geen naam of e-mailadres bewaard/);
  const nota = await (await page.request.get(new URL(`/consultaties/${slug}/reactienota.md`, BASE).href)).text();
  assert.ok(!nota.includes('Klaproos'), 'the name is gone from the nota');
  await page.context().close();
});
