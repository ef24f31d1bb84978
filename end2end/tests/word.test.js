// Word import (issue 16), with JavaScript on and off: an officer uploads the draft as a .docx made
// by LibreOffice (Word's heading styles, a list, a table and a picture), residents read its
// structure, and the dashboard says what was left out; a file that is not a Word document is
// refused next to the field, with what was typed kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import { launch, newPage, open, logIn, assertAccessible, isoDate, unique, BASE } from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// A one-pixel PNG: LibreOffice embeds it as a Word picture.
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNgAAIAAAUAAen63NgAAAAASUVORK5CYII=';

/** A Word document made by LibreOffice (Debian's soffice) from a small HTML draft. */
function wordDraft() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'inspraak-word-'));
  const html = path.join(dir, 'groenvisie.html');
  writeFileSync(html, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Groenvisie</title></head><body>
<h1>Groenvisie Lindeburg</h1>
<h2>Hoofdstuk 1 Inleiding</h2><p>Lindeburg wil in elke straat meer bomen.</p>
<p><img src="data:image/png;base64,${PIXEL}" alt="Kaart van de wijken" width="40" height="40"></p>
<h2>Hoofdstuk 2 Aanpak</h2><ul><li>Bomen planten langs de singels.</li><li>Tuinen vergroenen met buurtbudget.</li></ul>
<table><tr><th>Wijk</th><th>Nieuwe bomen</th></tr><tr><td>Noord</td><td>120</td></tr></table>
</body></html>`);
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore',
    '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, html], { stdio: 'ignore', timeout: 120000 });
  return path.join(dir, 'groenvisie.docx');
}

async function fillNewConsultation(page, slug, file) {
  await page.getByLabel('Titel', { exact: true }).fill('Groenvisie Lindeburg');
  await page.getByLabel('Korte naam in het webadres').fill(slug);
  await page.getByLabel('Reageren kan vanaf').fill(isoDate(-1));
  await page.getByLabel('Reageren kan tot en met').fill(isoDate(30));
  await page.getByLabel('Conceptdocument').setInputFiles(file);
}

for (const javaScriptEnabled of [true, false]) {
  const how = javaScriptEnabled ? 'JavaScript on' : 'JavaScript off';

  test(`an officer imports a Word draft and is told what was left out (${how})`, async () => {
    const docx = wordDraft();
    const officer = await newPage(browser, { javaScriptEnabled });
    await logIn(officer);
    await open(officer, '/beheer/nieuw');
    const slug = `groenvisie-${unique()}`;
    await fillNewConsultation(officer, slug, docx);
    await Promise.all([
      officer.waitForURL(`**/beheer/consultaties/${slug}**`),
      officer.getByRole('button', { name: 'Consultatie aanmaken' }).click(),
    ]);
    const notice = officer.getByRole('status').filter({ hasText: 'Uit het Word-document is weggelaten' });
    assert.match(await notice.innerText(), /weggelaten: 1 afbeelding\./, 'the picture is named');
    await assertAccessible(officer, `dashboard after a Word import (${how})`);

    const resident = await newPage(browser, { javaScriptEnabled });
    await open(resident, `/consultaties/${slug}`);
    const headings = await resident.getByRole('heading', { level: 2 }).allInnerTexts();
    assert.ok(headings.some((h) => /Hoofdstuk 1.*Inleiding/.test(h)), `chapter headings: ${headings}`);
    assert.ok(headings.some((h) => /Hoofdstuk 2.*Aanpak/.test(h)), `chapter headings: ${headings}`);
    const main = await resident.getByRole('main').innerText();
    assert.match(main, /Bomen planten langs de singels\./, 'the list came through');
    assert.match(main, /Noord/, 'the table came through');
  });

  test(`a file that is not a Word document is refused next to the field (${how})`, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'inspraak-word-'));
    const fake = path.join(dir, 'concept.docx');
    writeFileSync(fake, 'Dit is platte tekst met de naam van een Word-bestand.');
    const officer = await newPage(browser, { javaScriptEnabled });
    await logIn(officer);
    await open(officer, '/beheer/nieuw');
    const slug = `nep-${unique()}`;
    await fillNewConsultation(officer, slug, fake);
    await officer.getByRole('button', { name: 'Consultatie aanmaken' }).click();
    await officer.waitForSelector('.field-error');
    assert.match(await officer.getByRole('main').innerText(), /Dit bestand is geen Word-document \(\.docx\)/);
    assert.equal(await officer.getByLabel('Korte naam in het webadres').inputValue(), slug, 'what was typed is kept');
    await assertAccessible(officer, `refused Word file (${how})`);
    const response = await officer.request.get(`${BASE}/consultaties/${slug}`);
    assert.equal(response.status(), 404, 'nothing was imported');
  });
}
