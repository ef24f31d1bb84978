// The advice round in the browser: an officer registers a council and invites a member; the
// member sets a password, drafts an advice from the document ("advies op deze alinea"), also with
// JavaScript off, and submits it; the officer answers two points jointly and publishes; the public
// reads the collegereactie. And a regional consultation: an oral advice entered from the real
// meeting report, and each municipality's officers answering only their own council.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { launch, newPage, open, logIn, assertAccessible, isoDate, unique, BASE, FIXTURES, DEMO_SLUG } from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PASSWORD = 'raadslid-wachtwoord-2026';

async function createCouncil(officer, name, municipality) {
  await open(officer, '/beheer/raden');
  await officer.fill('#raad-naam', name);
  await officer.fill('#raad-gemeente', municipality);
  await officer.selectOption('#raad-soort', 'sociaal_domein');
  await Promise.all([
    officer.waitForURL('**/beheer/raden/*'),
    officer.click('#nieuwe-raad button[type=submit]'),
  ]);
  await officer.waitForSelector('body[data-hydrated]');
  return new URL(officer.url()).pathname.split('/').pop();
}

async function createConsultation(officer, slug, title) {
  await open(officer, '/beheer/nieuw');
  await officer.fill('#c-title', title);
  await officer.fill('#c-slug', slug);
  await officer.fill('#c-opens', isoDate(30));
  await officer.fill('#c-closes', isoDate(72));
  await officer.selectOption('#c-phase', 'advies');
  await officer.setInputFiles('#c-file', path.join(FIXTURES, 'regiovisie-hollands-midden-2019-2023.md'));
  await Promise.all([
    officer.waitForURL(`**/beheer/consultaties/${slug}**`),
    officer.click('#nieuwe-consultatie button[type=submit]'),
  ]);
  await officer.waitForSelector('body[data-hydrated]');
}

async function askCouncil(officer, slug, council) {
  await open(officer, `/beheer/consultaties/${slug}`);
  await officer.selectOption('#raad-vragen-keuze', council);
  await officer.click('#raad-vragen button[type=submit]');
  await officer.locator(`#adviesraden a[href$="/adviezen/${council}"]`).waitFor();
}

test('invite, draft from the document, submit, a joint answer, and the published collegereactie', async () => {
  const officer = await newPage(browser);
  await logIn(officer);
  const id = unique();
  const council = await createCouncil(officer, `Adviesraad Sociaal Domein ${id}`, 'Lindeburg');
  await assertAccessible(officer, 'council page');

  // Invite a member: the one-time link is shown to the officer.
  await officer.fill('#lid-naam', 'Henk Bakker');
  await officer.fill('#lid-email', `henk-${id}@raad.example`);
  await officer.click('#uitnodigen button[type=submit]');
  const link = (await officer.locator('.invite-url').innerText()).trim();
  assert.match(link, /\/uitnodiging\/[0-9a-f]{64}$/);
  await officer.locator('li', { hasText: `henk-${id}@raad.example` }).waitFor();

  const slug = `advies-${id}`;
  await createConsultation(officer, slug, 'Regiovisie (adviesronde)');
  await askCouncil(officer, slug, council);
  await assertAccessible(officer, 'officer consultation page with the process panel');

  // The member opens the link, chooses a password (a bad one first), and lands in the council area.
  const member = await newPage(browser);
  await open(member, new URL(link).pathname);
  await assertAccessible(member, 'invite page');
  await member.fill('#nieuw-wachtwoord', 'kort');
  await member.fill('#nieuw-wachtwoord-2', 'kort');
  await member.click('#account button[type=submit]');
  await member.locator('.field-error').first().waitFor();
  assert.match(await member.locator('.field-error').first().innerText(), /minimaal 10/i);
  await member.fill('#nieuw-wachtwoord', PASSWORD);
  await member.fill('#nieuw-wachtwoord-2', PASSWORD);
  await Promise.all([member.waitForURL('**/raad'), member.click('#account button[type=submit]')]);
  await member.waitForSelector('body[data-hydrated]');
  await assertAccessible(member, 'council area');
  assert.match(await member.locator('main').innerText(), /Regiovisie \(adviesronde\)/);

  // The link works once.
  const other = await newPage(browser);
  await open(other, new URL(link).pathname);
  assert.match(await other.locator('main').innerText(), /al gebruikt/);

  // From the document: "advies op deze alinea" opens the editor with that block chosen.
  await open(member, `/consultaties/${slug}`);
  const block = member.locator('[data-block="h5-a-3"]');
  await Promise.all([
    member.waitForURL(`**/raad/${slug}?blok=h5-a-3**`),
    block.locator('a.advice-link').click(),
  ]);
  await member.waitForSelector('#nieuw-punt-tekst');
  const newPoint = member.getByRole('form', { name: 'Punt toevoegen' });
  assert.ok(await newPoint.getByRole('checkbox', { name: /5\.a, alinea 3/ }).isChecked(), 'the block is ticked');
  await assertAccessible(member, 'advice editor');
  // An empty point is refused next to the field; the chosen block stays chosen.
  await newPoint.getByRole('button', { name: 'Punt toevoegen' }).click();
  await member.locator('#nieuw-punt .field-error').first().waitFor();
  assert.ok(await newPoint.getByRole('checkbox', { name: /5\.a, alinea 3/ }).isChecked(), 'still ticked');
  await newPoint.getByLabel('Tekst van het punt').fill('Zorg voor goede signalering: waar zijn de vindplaatsen?');
  await newPoint.getByRole('button', { name: 'Punt toevoegen' }).click();
  await member.locator('#punten article.advice-point', { hasText: 'vindplaatsen' }).waitFor();
  assert.match(await member.locator('#punten article.advice-point').first().innerText(), /5\.a, alinea 3/);

  // A second point, with JavaScript off: the plain form works the same.
  const plain = await newPage(browser, { javaScriptEnabled: false });
  await plain.context().addCookies(await member.context().cookies());
  await open(plain, `/raad/${slug}`);
  const plainPoint = plain.getByRole('form', { name: 'Punt toevoegen' });
  await plainPoint.getByRole('button', { name: 'Punt toevoegen' }).click();
  await plain.waitForSelector('#nieuw-punt .field-error');
  assert.match(await plain.locator('#nieuw-punt .field-error').innerText(), /verplicht/);
  // The paragraphs are found by a search (a word from the text, any case), not in a list of 248.
  await plainPoint.getByLabel('Tekst van het punt').fill('Let op de meldcode bij alle professionals.');
  await plainPoint.getByLabel("Alinea's zoeken").fill('Radarfunctie');
  await plainPoint.getByRole('button', { name: 'Zoeken' }).click();
  const status = plainPoint.getByRole('status');
  await status.waitFor();
  assert.match(await status.innerText(), /alinea('s)? gevonden met ‘Radarfunctie’/);
  assert.equal(await plainPoint.getByLabel('Tekst van het punt').inputValue(), 'Let op de meldcode bij alle professionals.', 'the text is kept');
  const found = plainPoint.getByRole('checkbox');
  assert.ok((await found.count()) >= 1, 'blocks to tick');
  const foundLabel = (await plainPoint.locator('label', { has: plain.locator('strong') }).first().locator('strong').innerText()).trim();
  await found.first().check();
  await assertAccessible(plain, 'advice editor with blocks found');
  // A search with nothing found says so.
  await plainPoint.getByLabel("Alinea's zoeken").fill('xylofoon');
  await plainPoint.getByRole('button', { name: 'Zoeken' }).click();
  await plainPoint.getByRole('status').filter({ hasText: 'Geen alinea gevonden' }).waitFor();
  assert.ok(await plainPoint.getByRole('checkbox', { name: foundLabel }).isChecked(), 'the ticked block stays ticked');
  await plainPoint.getByRole('button', { name: 'Punt toevoegen' }).click();
  await plain.waitForSelector('#punten article.advice-point >> nth=1');
  assert.equal(await plain.locator('#punten article.advice-point').count(), 2);
  assert.match(await plain.locator('#punten article.advice-point').nth(1).innerText(), new RegExp(foundLabel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await plain.fill('#advies-inleiding', 'De raad heeft de conceptvisie besproken.');
  await plain.click('#inleiding button[type=submit]');
  await plain.waitForURL('**#inleiding');
  assert.equal(await plain.inputValue('#advies-inleiding'), 'De raad heeft de conceptvisie besproken.');

  // Submit (JavaScript on): the advice is frozen.
  await open(member, `/raad/${slug}`);
  await member.click('#indienen button[type=submit]');
  await member.locator('#ingediend').waitFor();
  assert.match(await member.locator('#ingediend').innerText(), /Ingediend op/);
  assert.equal(await member.locator('#nieuw-punt').count(), 0, 'no more writing in a submitted advice');

  // The officer answers both points with one joint answer, each with its own status.
  await open(officer, `/beheer/consultaties/${slug}/adviezen/${council}`);
  await assertAccessible(officer, 'officer advice page');
  const points = officer.locator('#gezamenlijk input[type=checkbox]');
  assert.equal(await points.count(), 2);
  await points.nth(0).check();
  await points.nth(1).check();
  const selects = officer.locator('#gezamenlijk select');
  const first = await selects.nth(0).locator('option').nth(1).getAttribute('value');
  await selects.nth(0).selectOption(first.replace(/:.*/, ':verwerkt'));
  const second = await selects.nth(1).locator('option').nth(1).getAttribute('value');
  await selects.nth(1).selectOption(second.replace(/:.*/, ':kennisgenomen'));
  await officer.fill('#gezamenlijk-tekst', 'Voor beide onderdelen geldt: de visie besteedt er in 5.a aandacht aan.');
  await officer.check('#gezamenlijk-state-definitief');
  await officer.click('#gezamenlijk button[type=submit]');
  await officer.locator('.officer-advice article.advice-point .history').first().waitFor();
  await officer.fill('#opening-tekst', 'Het college dankt de adviesraad voor zijn advies.');
  await officer.click('#opening button[type=submit]');
  await officer.waitForTimeout(500);
  await officer.click('#publiceren button[type=submit]');
  await officer.locator('#publiceren', { hasText: 'Gepubliceerd op' }).waitFor();

  // Everyone reads the collegereactie; the response document has a section for it.
  const resident = await newPage(browser);
  await open(resident, `/consultaties/${slug}/adviezen/${council}`);
  await assertAccessible(resident, 'collegereactie');
  const letter = await resident.locator('main').innerText();
  assert.match(letter, /Collegereactie op het advies van Adviesraad Sociaal Domein/);
  assert.match(letter, /Het college dankt de adviesraad/);
  assert.match(letter, /Punt 1[\s\S]*vindplaatsen[\s\S]*Punt 2[\s\S]*meldcode[\s\S]*Antwoord op punt 1 en 2/);
  assert.match(letter, /verwerkt; punt 2: kennisgenomen/);
  await open(resident, `/consultaties/${slug}/adviezen`);
  assert.match(await resident.locator('main').innerText(), /Adviesraad Sociaal Domein/);
  await open(resident, `/consultaties/${slug}/reactienota`);
  assert.match(await resident.locator('main').innerText(), /Adviezen van adviesraden[\s\S]*Voor beide onderdelen geldt/);
  const md = await (await fetch(`${BASE}/consultaties/${slug}/adviezen/${council}/collegereactie.md`)).text();
  assert.match(md, /^# Collegereactie op het advies van/);

  // The council sees the letter from its own area.
  await open(member, `/raad/${slug}`);
  await member.locator(`a[href="/consultaties/${slug}/adviezen/${council}"]`).waitFor();
});

test('a regional consultation: an oral advice from the meeting report, and each municipality answers its own council', async () => {
  assert.ok(process.env.INSPRAAK_BIN, 'the inspraak binary is given');
  const id = unique();
  const waterhovenEmail = `wmo-${id}@waterhoven.example`;
  execFileSync(process.env.INSPRAAK_BIN, ['user', 'add', '--email', waterhovenEmail, '--name', 'Joost Verhagen',
    '--municipality', 'Waterhoven', '--password', PASSWORD], { env: process.env, stdio: 'pipe' });

  const officer = await newPage(browser);
  await logIn(officer);
  const lindeburg = await createCouncil(officer, `ASD Lindeburg ${id}`, 'Lindeburg');
  const waterhoven = await createCouncil(officer, `Wmo-raad Waterhoven ${id}`, 'Waterhoven');
  const slug = `regio-${id}`;
  await createConsultation(officer, slug, 'Regiovisie voor twee gemeenten');
  await askCouncil(officer, slug, lindeburg);
  await askCouncil(officer, slug, waterhoven);

  // The Lindeburg council advised orally: the officer reads the meeting report into a draft.
  await open(officer, `/beheer/consultaties/${slug}/adviezen/${lindeburg}`);
  const report = readFileSync(path.join(FIXTURES, 'asd-advies-verslag-2023.md'), 'utf8');
  await officer.fill('#verslag-tekst', report);
  await officer.click('#verslag button[type=submit]');
  await officer.locator('#punten article.advice-point >> nth=4').waitFor();
  assert.equal(await officer.locator('#punten article.advice-point').count(), 5, 'five points from the report');
  assert.equal(await officer.inputValue('#advies-datum'), '2023-10-24');
  await officer.click('#indienen button[type=submit]');
  await officer.locator('#ingediend').waitFor();
  await officer.locator('.badge-oral').first().waitFor({ state: 'attached' });

  // The Waterhoven officer reads Lindeburg's advice but may not answer it...
  const wouter = await newPage(browser);
  await logIn(wouter, { email: waterhovenEmail, password: PASSWORD });
  await open(wouter, `/beheer/consultaties/${slug}/adviezen/${lindeburg}`);
  assert.match(await wouter.locator('main').innerText(), /beantwoord door de gemeente Lindeburg/);
  assert.equal(await wouter.locator('form[id^="antwoord-"]').count(), 0, 'no answer forms');
  await assertAccessible(wouter, 'officer advice page, read only');

  // ...while the Lindeburg side (here the admin) answers a point on its own.
  await open(officer, `/beheer/consultaties/${slug}/adviezen/${lindeburg}`);
  const form = officer.locator('form[id^="antwoord-"]').first();
  await form.locator('select').selectOption({ index: 5 });
  await form.locator('textarea').fill('Het college neemt dit mee in het uitvoeringsplan.');
  await form.locator('input[value="definitief"]').check();
  await form.locator('button[type=submit]').click();
  await officer.locator('.officer-advice article.advice-point .history').first().waitFor();
  assert.match(await officer.locator('.officer-advice article.advice-point').first().innerText(), /uitvoeringsplan/i);

  // The officer's overview lists both councils with where their advice stands.
  await open(officer, `/beheer/consultaties/${slug}`);
  const councils = await officer.locator('#adviesraden li').allInnerTexts();
  assert.equal(councils.length, 2);
  assert.ok(councils.some((c) => /Lindeburg.*ingediend/.test(c)), councils.join(' | '));
  assert.ok(councils.some((c) => /Waterhoven.*nog niets geschreven/.test(c)), councils.join(' | '));

  // Waterhoven's college answers its own council under its own name: the Waterhoven officer sets
  // the sender (only Waterhoven's is offered), enters the council's oral advice, answers and
  // publishes; the letter carries that name.
  const sender = `College van burgemeester en wethouders van Waterhoven (${id})`;
  await open(wouter, '/beheer/raden');
  const senders = wouter.getByRole('region', { name: 'Afzender van de collegereacties' });
  assert.equal(await senders.getByRole('textbox').count(), 1, 'only the own municipality');
  await senders.getByLabel('Afzender voor Waterhoven').fill(sender);
  await senders.getByRole('button', { name: 'Afzender bewaren' }).click();
  await senders.getByRole('status').waitFor();
  assert.equal(await senders.getByLabel('Afzender voor Waterhoven').inputValue(), sender);
  await assertAccessible(wouter, 'letter senders');
  await open(wouter, `/beheer/consultaties/${slug}/adviezen/${waterhoven}`);
  await wouter.getByLabel('Tekst van het verslag').fill('De raad bespreekt de visie.\n- Betrek de mantelzorgers bij de uitvoering.');
  await wouter.getByRole('button', { name: 'Verslag inlezen als concept' }).click();
  await wouter.locator('#punten article.advice-point').first().waitFor();
  // The council sent its advice as a letter: a Word file is refused in Dutch, the PDF is attached.
  const upload = wouter.getByRole('form', { name: 'Brief toevoegen' });
  await upload.getByLabel('De brief (PDF)').setInputFiles({ name: 'advies.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004') });
  await upload.getByRole('button', { name: 'Brief toevoegen' }).click();
  await wouter.getByText('Dit is geen PDF-bestand.').first().waitFor();
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  await upload.getByLabel('De brief (PDF)').setInputFiles({ name: 'advies-wmo-raad.pdf', mimeType: 'application/pdf', buffer: pdf });
  await upload.getByLabel('De raad stemt ermee in dat de brief met de collegereactie wordt gepubliceerd').check();
  await upload.getByRole('button', { name: 'Brief toevoegen' }).click();
  const attached = wouter.getByRole('region', { name: 'Brief van de raad' });
  await attached.getByRole('link', { name: 'advies-wmo-raad.pdf' }).waitFor();
  assert.match(await attached.innerText(), /Wordt gepubliceerd met de collegereactie/);
  await assertAccessible(wouter, 'written advice with the council letter');
  await wouter.click('#indienen button[type=submit]');
  await wouter.locator('#ingediend').waitFor();
  const answer = wouter.locator('form[id^="antwoord-"]').first();
  await answer.locator('select').selectOption({ index: 1 });
  await answer.locator('textarea').fill('Het college betrekt de mantelzorgers bij het uitvoeringsplan.');
  await answer.locator('input[value="definitief"]').check();
  await answer.locator('button[type=submit]').click();
  await wouter.locator('.officer-advice article.advice-point .history').first().waitFor();
  await wouter.click('#publiceren button[type=submit]');
  await wouter.locator('#publiceren', { hasText: 'Gepubliceerd op' }).waitFor();
  const reader = await newPage(browser, { javaScriptEnabled: false });
  await open(reader, `/consultaties/${slug}/adviezen/${waterhoven}`);
  assert.match(await reader.locator('main').innerText(), new RegExp(`Afzender: College van burgemeester en wethouders van Waterhoven \\(${id}\\)`));
  const md = await (await fetch(`${BASE}/consultaties/${slug}/adviezen/${waterhoven}.md`)).text();
  assert.ok(md.includes(`*Afzender:* ${sender}`), md);
  assert.match(md, /schriftelijk advies, ontvangen op/);
  // The council agreed: its letter is published with the response.
  const councilLetter = reader.getByRole('link', { name: /Het advies van de raad als brief \(PDF, 1 kB\)/ });
  const href = await councilLetter.getAttribute('href');
  const file = await fetch(`${BASE}${href}`);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-type'), 'application/pdf');
  assert.deepEqual(Buffer.from(await file.arrayBuffer()), pdf);
});

test('the demo shows the timeline and the published collegereactie of its regional councils', async () => {
  const page = await newPage(browser);
  await open(page, `/consultaties/${DEMO_SLUG}`);
  const timeline = await page.locator('.timeline').innerText();
  assert.match(timeline, /Adviesronde[\s\S]*Inspraak[\s\S]*Verwerking/);
  assert.match(timeline, /gepresenteerd aan de Adviesraad Sociaal Domein/);
  await open(page, `/consultaties/${DEMO_SLUG}/adviezen`);
  await assertAccessible(page, 'list of collegereacties');
  assert.match(await page.locator('main').innerText(), /Adviesraad Sociaal Domein Lindeburg/);
  await page.locator('main a[href*="/adviezen/"]').first().click();
  await page.waitForURL('**/adviezen/adviesraad-sociaal-domein-lindeburg');
  // The router changes the address first and draws the letter once its data are in.
  await page.locator('main', { hasText: 'Antwoord op punt 1 en 2' }).waitFor();
});

// A 1×1 PNG: what a municipality's logo upload takes.
const LOGO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'JavaScript on' : 'JavaScript off';
  test(`a municipality's logo for its letters: refused when not an image, set, shown and taken away (${mode})`, async () => {
    const officer = await newPage(browser, { javaScriptEnabled });
    await logIn(officer);
    await open(officer, '/beheer/raden');
    const senders = officer.getByRole('region', { name: 'Afzender van de collegereacties' });
    const field = senders.getByLabel('Logo van Waterhoven (niet verplicht)');
    const form = officer.locator('form', { has: officer.getByLabel('Logo van Waterhoven (niet verplicht)') });

    await field.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg onload="alert(1)"/>') });
    await Promise.all([officer.waitForURL(/formulier=/), form.getByRole('button', { name: 'Logo opslaan Waterhoven' }).click()]);
    const refused = officer.locator('form', { has: officer.getByLabel('Logo van Waterhoven (niet verplicht)') });
    assert.match(await refused.locator('.field-error').innerText(), /geen PNG- of JPEG-afbeelding/);
    assert.equal(await refused.getByLabel('Logo van Waterhoven (niet verplicht)').getAttribute('aria-invalid'), 'true');
    assert.equal(await officer.getByRole('alert').filter({ hasText: 'Controleer de velden' }).count(), 1, 'only the logo form says so');
    await assertAccessible(officer, `logo refused (${mode})`);

    await refused.getByLabel('Logo van Waterhoven (niet verplicht)').setInputFiles({ name: 'waterhoven.png', mimeType: 'image/png', buffer: LOGO_PNG });
    await Promise.all([officer.waitForURL(/logo=1/), refused.getByRole('button', { name: 'Logo opslaan Waterhoven' }).click()]);
    await officer.getByRole('status').filter({ hasText: 'Het logo is opgeslagen.' }).waitFor();
    const current = officer.getByRole('img', { name: 'Logo van Waterhoven' });
    await current.waitFor();
    const src = await current.getAttribute('src');
    const image = await officer.request.get(new URL(src, BASE).href);
    assert.equal(image.status(), 200);
    assert.equal(image.headers()['content-type'], 'image/png');
    assert.deepEqual(Buffer.from(await image.body()), LOGO_PNG);
    await assertAccessible(officer, `logo set (${mode})`);

    // Taken away again, so that the other tests see the demo as it was.
    await open(officer, '/beheer/raden');
    await Promise.all([
      officer.waitForURL(/logo=1/),
      officer.getByRole('button', { name: 'Logo weghalen Waterhoven' }).click(),
    ]);
    assert.equal(await officer.getByRole('img', { name: 'Logo van Waterhoven' }).count(), 0);
    assert.equal((await officer.request.get(new URL(src, BASE).href)).status(), 404);
    await officer.context().close();
  });
}
