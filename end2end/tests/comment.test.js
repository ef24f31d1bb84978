// Flow 3 and 5: a resident comments on one paragraph, with JavaScript on (no page reload) and off
// (plain form post), gets a receipt with a tracking code, and follows it on /volg/{code}.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, assertAccessible, DEMO_SLUG, CODE_PATTERN, unique } from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openFormOnBlock(page, index) {
  await open(page, `/consultaties/${DEMO_SLUG}`);
  const block = page.locator('[data-block]').nth(index);
  const anchor = await block.getAttribute('data-block');
  await block.locator('a.comment-link').click();
  await page.waitForSelector('#reactie-tekst');
  return anchor;
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'JavaScript on' : 'JavaScript off';

  test(`a refused comment keeps what was typed and says why, in Dutch (${mode})`, async () => {
    const page = await newPage(browser, { javaScriptEnabled });
    await openFormOnBlock(page, 2);
    await page.fill('#reactie-tekst', '   ');
    await page.fill('#reactie-naam', 'Jan Jansen');
    await page.fill('#reactie-email', 'jan@example.org');
    await page.click('.comment-form button[type=submit]');
    await page.waitForSelector('.field-error');
    const errors = await page.locator('.field-error').allInnerTexts();
    assert.ok(errors.some((e) => /verplicht/i.test(e)), `an error about the comment: ${errors}`);
    assert.ok(errors.some((e) => /toestemming/i.test(e)), `an error about consent: ${errors}`);
    assert.equal(await page.inputValue('#reactie-naam'), 'Jan Jansen');
    assert.equal(await page.inputValue('#reactie-email'), 'jan@example.org');
    assert.equal(await page.getAttribute('#reactie-tekst', 'aria-invalid'), 'true');
  });

  test(`a resident comments on a paragraph and follows it (${mode})`, async () => {
    const page = await newPage(browser, { javaScriptEnabled });
    const anchor = await openFormOnBlock(page, 4);
    if (javaScriptEnabled) await page.evaluate(() => { window.__noReload = true; });
    const text = `Graag meer aandacht voor mantelzorgers in deze alinea (${unique()}).`;
    await page.fill('#reactie-tekst', text);
    await page.fill('#reactie-naam', 'Petra de Vries');
    await page.fill('#reactie-email', 'petra@example.org');
    await page.check('#reactie-toestemming');
    await assertAccessible(page, `comment form (${mode})`);
    await page.click('.comment-form button[type=submit]');
    await page.waitForSelector('.tracking-code');
    const code = (await page.locator('.tracking-code').innerText()).trim();
    assert.match(code, CODE_PATTERN);
    if (javaScriptEnabled) {
      assert.equal(await page.evaluate(() => window.__noReload), true, 'no page reload');
    } else {
      assert.match(page.url(), new RegExp(`/volg/${code}`));
    }
    // The tracking page: the comment, the paragraph, no answer yet, and no personal data.
    const response = await open(page, `/volg/${code}`);
    assert.equal(response.status(), 200);
    const main = await page.locator('main').innerText();
    assert.ok(main.includes(text), 'the comment is shown');
    assert.doesNotMatch(main, /petra@example\.org/);
    assert.doesNotMatch(main, /Petra de Vries/);
    assert.match(main, /nog geen antwoord/i);
    assert.ok(await page.locator(`a[href*="#${anchor}"]`).count() >= 1, 'links to the paragraph');
    await assertAccessible(page, `tracking page (${mode})`);
  });
}

test('a comment on the document as a whole', async () => {
  const page = await newPage(browser);
  await open(page, `/consultaties/${DEMO_SLUG}`);
  await page.click('#document-als-geheel a');
  await page.waitForSelector('#reactie-tekst');
  await page.fill('#reactie-tekst', 'Een heldere visie; ik mis een paragraaf over financiering.');
  await page.click('.comment-form button[type=submit]');
  const code = (await page.locator('.tracking-code').innerText()).trim();
  assert.match(code, CODE_PATTERN);
  await open(page, `/volg/${code}`);
  assert.match(await page.locator('main').innerText(), /document als geheel/i);
});

test('the length limit is shown and enforced', async () => {
  const page = await newPage(browser);
  await openFormOnBlock(page, 1);
  const hint = await page.locator('#reactie-tekst-hint').innerText();
  assert.match(hint, /Maximaal 5000 tekens/);
  assert.equal(await page.getAttribute('#reactie-tekst', 'maxlength'), '5000');
});
