// Document versions (issue 16), with JavaScript on and off: residents comment on version 1; the
// officer reads in version 2 ("Nieuwe versie inlezen"), decides the one paragraph in "Na te
// kijken"; readers switch between versions and see "Wat is er veranderd"; the resident sees their
// paragraph then and now on the tracking page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import { launch, newPage, open, logIn, assertAccessible, isoDate, unique, BASE, CODE_PATTERN } from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const V1 = `# Speelvisie Lindeburg

## Hoofdstuk 1. Inleiding

Kinderen spelen buiten in elke wijk van Lindeburg, op pleinen, in parken en op schoolpleinen.

Elke speelplek is veilig en binnen vijf minuten lopen bereikbaar voor kinderen en hun ouders.

## Hoofdstuk 2. Aanpak

De gemeente vervangt elk jaar tien oude speeltoestellen door nieuwe, te beginnen in de oudste wijken.

Bewoners kiezen mee welke speeltoestellen er komen, in een buurtavond per speelplek.
`;

const V2 = V1
  .replace('binnen vijf minuten lopen', 'binnen drie minuten lopen')
  .replace('Bewoners kiezen mee welke speeltoestellen er komen, in een buurtavond per speelplek.\n', '');

function file(name, text) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'inspraak-versie-'));
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
}

async function comment(page, slug, anchor, text) {
  await open(page, `/consultaties/${slug}?alinea=${anchor}#reageer`);
  await page.fill('#reactie-tekst', text);
  await page.click('.comment-form button[type=submit]');
  await page.waitForSelector('.tracking-code');
  const code = (await page.locator('.tracking-code').innerText()).trim();
  assert.match(code, CODE_PATTERN);
  return code;
}

for (const javaScriptEnabled of [true, false]) {
  const how = javaScriptEnabled ? 'JavaScript on' : 'JavaScript off';

  test(`a new version carries the reactions, and readers see what changed (${how})`, async () => {
    const officer = await newPage(browser, { javaScriptEnabled });
    await logIn(officer);
    await open(officer, '/beheer/nieuw');
    const slug = `speelvisie-${unique()}`;
    await officer.getByLabel('Titel', { exact: true }).fill('Speelvisie Lindeburg');
    await officer.getByLabel('Korte naam in het webadres').fill(slug);
    await officer.getByLabel('Reageren kan vanaf').fill(isoDate(-1));
    await officer.getByLabel('Reageren kan tot en met').fill(isoDate(30));
    await officer.getByLabel('Conceptdocument').setInputFiles(file('speelvisie.md', V1));
    await Promise.all([
      officer.waitForURL(`**/beheer/consultaties/${slug}**`),
      officer.getByRole('button', { name: 'Consultatie aanmaken' }).click(),
    ]);

    const resident = await newPage(browser, { javaScriptEnabled });
    const code = await comment(resident, slug, 'h1-2', 'Vijf minuten is te ver voor kleine kinderen.');
    await comment(resident, slug, 'h2-2', 'Een buurtavond is te laat op de dag voor ouders met kleine kinderen.');

    // The officer reads in version 2; a refused upload first keeps the name typed.
    await open(officer, `/beheer/consultaties/${slug}`);
    await officer.getByText('Nieuwe versie inlezen').click();
    await officer.getByLabel('Naam van de versie').fill('Versie na de buurtgesprekken');
    await officer.getByLabel('Conceptdocument').setInputFiles(file('speelvisie.pdf', '%PDF-1.7'));
    await Promise.all([officer.waitForURL(/formulier=/), officer.getByRole('button', { name: 'Versie inlezen' }).click()]);
    assert.equal(await officer.getByLabel('Naam van de versie').inputValue(), 'Versie na de buurtgesprekken', 'the name is kept');
    assert.match(await officer.locator('.field-error').first().innerText(), /\.md|\.docx|bestand/i);
    await officer.getByLabel('Conceptdocument').setInputFiles(file('speelvisie-2.md', V2));
    await officer.getByLabel('Wat is er veranderd').fill('Speelplekken dichterbij; de buurtavond vervalt.');
    await Promise.all([
      officer.waitForURL(/versie=2/),
      officer.getByRole('button', { name: 'Versie inlezen' }).click(),
    ]);
    const notice = officer.getByRole('status').filter({ hasText: 'Versie 2 is ingelezen' });
    assert.match(await notice.innerText(), /Van 1 alinea is de plek in de nieuwe tekst onzeker/);
    await assertAccessible(officer, `dashboard after a new version (${how})`);

    // "Na te kijken": the removed paragraph with its reaction; the officer confirms it is gone.
    await Promise.all([officer.waitForURL(/na-te-kijken/), officer.getByRole('link', { name: /Na te kijken: 1 alinea/ }).click()]);
    await officer.waitForSelector('h1');
    assert.match(await officer.locator('main').innerText(), /Geen plek gevonden in de nieuwe versie/);
    await assertAccessible(officer, `Na te kijken (${how})`);
    await Promise.all([
      officer.waitForURL(/na-te-kijken/),
      officer.getByRole('button', { name: /Staat niet meer in de tekst/ }).click(),
    ]);
    await officer.getByText('Er is niets na te kijken.').waitFor();

    // The officer's list says where each reaction was written, also in version 1, and offers the
    // new version's paragraphs for "verwerkt in", in the reader's language.
    const placeOf = async () => {
      await open(officer, `/beheer/consultaties/${slug}/reacties`);
      const card = officer.locator('article.officer-comment', { hasText: 'Vijf minuten is te ver' });
      return {
        place: await card.locator('p.meta').first().innerText(),
        offered: await officer.locator('#alineas-nieuwe-versie option').first().getAttribute('value'),
        sections: await officer.locator('#filter-sectie option').allTextContents(),
      };
    };
    const dutch = await placeOf();
    assert.match(dutch.place, /^Hoofdstuk 1, alinea 2 \(versie 1\) · /);
    assert.equal(dutch.offered, 'Hoofdstuk 1, alinea 1');
    assert.ok(dutch.sections.some((s) => /^Hoofdstuk 1\. Inleiding \(versie 1\) \(1\)$/.test(s)), `${dutch.sections}`);
    await officer.context().addCookies([{ name: 'taal', value: 'en', url: BASE }]);
    const english = await placeOf();
    assert.match(english.place, /^Chapter 1, paragraph 2 \(version 1\) · /);
    assert.equal(english.offered, 'Chapter 1, paragraph 1');
    assert.ok(english.sections.some((s) => /^Hoofdstuk 1\. Inleiding \(version 1\) \(1\)$/.test(s)), `${english.sections}`);
    await officer.context().addCookies([{ name: 'taal', value: 'nl', url: BASE }]);

    // Readers: the current version with the switcher; version 1 still readable.
    await open(resident, `/consultaties/${slug}`);
    const versions = resident.getByRole('navigation', { name: 'Versies van het document' });
    assert.match(await versions.innerText(), /Versie 2: Versie na de buurtgesprekken/);
    assert.match(await resident.locator('main').innerText(), /binnen drie minuten lopen/);
    await Promise.all([resident.waitForURL(/versies\/1$/), versions.getByRole('link', { name: 'Versie 1' }).click()]);
    await resident.getByText(/U leest versie 1/).waitFor();
    assert.match(await resident.locator('main').innerText(), /binnen vijf minuten lopen/);
    assert.equal(await resident.getByRole('link', { name: /^Reageer/ }).count(), 0, 'no comments on an earlier version');
    await assertAccessible(resident, `an earlier version (${how})`);

    // "Wat is er veranderd": the changed and the removed paragraph, marked.
    await open(resident, `/consultaties/${slug}/versies/2/wijzigingen`);
    const main = resident.locator('main');
    assert.equal(await main.locator('del').filter({ hasText: 'vijf' }).count(), 1, 'deletion struck through');
    assert.equal(await main.locator('ins').filter({ hasText: 'drie' }).count(), 1, 'insertion underlined');
    assert.match(await main.innerText(), /Vervallen passages[\s\S]*buurtavond per speelplek/);
    await assertAccessible(resident, `Wat is er veranderd (${how})`);

    // The resident who commented on the changed paragraph sees it then and now.
    await open(resident, `/volg/${code}`);
    const thenAndNow = resident.getByRole('region', { name: 'Uw alinea toen en nu' });
    assert.equal(await thenAndNow.locator('ins').filter({ hasText: 'drie' }).count(), 1);
    // The paragraph it was written on is linked where it stands: in version 1.
    const href = await resident.getByRole('link', { name: 'Hoofdstuk 1, alinea 2', exact: true }).getAttribute('href');
    assert.match(href, /\/versies\/1#h1-2$/);
    await assertAccessible(resident, `tracking page with then and now (${how})`);
  });
}
