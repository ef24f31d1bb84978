// A bad-input sweep over every public form, with JavaScript on and off: empty required fields,
// one character over a field's maximum, control characters, a 2 MB paste, and broken
// percent-encoding in the addresses. Each time the page must answer in Dutch next to the field
// (or, for an address, with a Dutch "niet gevonden" page and no server error), give back what was
// typed (cut at the field's maximum where the server echoes it), and store nothing.
//
// One test per form and mode runs all its cases and reports every problem it found at once
// (scripts/test gives each file three minutes, so the cases share a browser context).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, newPage, open, logIn, assertAccessible, fieldMessage, setValue, unique, BASE, DEMO_SLUG, CODE_PATTERN,
} from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const MODES = [true, false];
const modeName = (javaScriptEnabled) => (javaScriptEnabled ? 'JavaScript on' : 'JavaScript off');

/** Field maxima (app/src/domain/comment.rs). */
const MAX = { body: 5000, name: 200, email: 254 };
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
/** `n` characters that are not all alike, so that "a prefix of what was typed" means something. */
const text = (n) => ALPHABET.repeat(Math.ceil(n / ALPHABET.length)).slice(0, n);
/** An address of exactly `n` characters that is otherwise valid: only its length is wrong. */
const address = (n) => `${text(n - '@example.org'.length)}@example.org`;
const BIG = 2_000_000;
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** What the server's normalisation (Rust's `char::is_control`, keeping tab and newline) leaves. */
const stripControls = (s) => s.replace(new RegExp(CONTROL_CHARS.source, 'g'), '');

/** Runs every case and fails once at the end with all problems, so a sweep reports them all. */
async function sweep(page, cases, run) {
  const problems = [];
  for (const c of cases) {
    try {
      await run(c);
      assert.deepEqual(page.__errors ?? [], [], 'errors on the page');
    } catch (error) {
      problems.push(`${c.what}: ${error.message.split('\n')[0].slice(0, 400)}`);
    }
    page.__errors = [];
  }
  assert.deepEqual(problems, [], `\n${problems.join('\n')}`);
}

/** Clicks a submit button and waits for the answer: the server function's response (an island's
 *  form with JavaScript on) or the page the post redirected to. Returns that response. */
async function submit(page, button) {
  // Only the islands (the comment form) run in the browser; every other form is a plain form
  // that posts and comes back, with JavaScript on as well.
  const inIsland = page.__javaScriptEnabled && await button.evaluate((el) => el.closest('leptos-island') !== null);
  page.__viaServer = !inIsland;
  if (inIsland) {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST', { timeout: 60000 }),
      button.click(),
    ]);
    await response.finished();
    // Let the app read the answer and redraw before anything is checked.
    await page.waitForTimeout(150);
    return response;
  }
  const [response] = await Promise.all([
    page.waitForNavigation({ timeout: 60000 }),
    button.click(),
  ]);
  return response;
}

/** (a): a Dutch message in the field's own message area (its aria-describedby), and the field
 *  marked invalid. When there is none, the error says what the page showed instead. */
async function assertFieldMessage(page, field, pattern) {
  const end = Date.now() + (page.__javaScriptEnabled ? 2500 : 300);
  let message = await fieldMessage(field, 0);
  while (!pattern.test(message) && Date.now() < end) {
    await page.waitForTimeout(100);
    message = await fieldMessage(field, 0);
  }
  if (!pattern.test(message)) {
    const alerts = (await page.getByRole('alert').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    const status = (await page.getByRole('status').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    const native = await field.evaluate((el) => el.validationMessage).catch(() => '');
    throw new Error(`no message matching ${pattern} next to the field (aria-describedby: "${message}"); `
      + `alerts: ${JSON.stringify(alerts)}; status: ${JSON.stringify(status)}; browser's own: ${JSON.stringify(native)}`);
  }
  assert.equal(await field.getAttribute('aria-invalid'), 'true', 'the field is marked invalid');
}

/** (b): the field holds what was typed; where the server gave it back (`fromServer`: a plain form
 *  post, which is every form outside an island and all of them with JavaScript off, or a GET
 *  form's page load), cut at `max` and without control
 *  characters (which no field keeps, and which a page cannot carry). */
async function assertKept(page, field, typed, max, what, fromServer = page.__viaServer ?? !page.__javaScriptEnabled) {
  const value = await field.inputValue();
  if (!fromServer) {
    assert.ok(value === typed, `${what}: the value is what was typed (${value.length} of ${typed.length} characters, `
      + `${JSON.stringify(value.slice(0, 40))} for ${JSON.stringify(typed.slice(0, 40))})`);
    return;
  }
  const echoed = stripControls(typed);
  const expected = max === undefined ? echoed : echoed.slice(0, max);
  if (expected.length < echoed.length) assert.equal(value.length, max, `${what}: the echoed value is cut at ${max} characters`);
  assert.ok(value === expected, `${what}: the echoed value is what was typed${expected.length < echoed.length ? ', cut' : ''} `
    + `(${value.length} of ${expected.length} characters, ${JSON.stringify(value.slice(0, 40))} for ${JSON.stringify(expected.slice(0, 40))})`);
}

// ---------------------------------------------------------------------------------------------
// The comment form on a paragraph of the demo consultation.

const BLOCK = 3;

/** The paragraph's comment count as the document page shows it (read from the served page). */
async function blockCount(anchor) {
  const html = await (await fetch(`${BASE}/consultaties/${DEMO_SLUG}`)).text();
  const block = html.split('data-block="').find((part) => part.startsWith(`${anchor}"`));
  assert.ok(block, `the paragraph ${anchor} is on the page`);
  const count = block.match(/class="comment-count"[^>]*>(\d+)/);
  return count ? Number.parseInt(count[1], 10) : 0;
}

async function openCommentForm(page) {
  await open(page, `/consultaties/${DEMO_SLUG}`);
  const block = page.locator('[data-block]').nth(BLOCK);
  const anchor = await block.getAttribute('data-block');
  await block.getByRole('link', { name: /^Reageer\b/ }).click();
  const form = {
    anchor,
    body: page.getByLabel('Uw reactie', { exact: true }),
    name: page.getByLabel('Naam (niet verplicht)'),
    email: page.getByLabel('E-mailadres (niet verplicht)'),
    consent: page.getByLabel(/Ik geef toestemming/),
    send: page.getByRole('button', { name: 'Verstuur reactie' }),
  };
  await form.body.waitFor();
  return form;
}

const BENCH = 'Meer bankjes in het park, graag.';
const commentCases = [
  { what: 'an empty comment', values: { body: '   ', name: 'Jan Jansen', email: 'jan@example.org' }, consent: true,
    field: 'body', message: /verplicht/i },
  { what: 'a comment one character too long', values: { body: text(MAX.body + 1) }, field: 'body', message: /maximaal 5000 tekens/i },
  { what: 'a name one character too long', values: { body: BENCH, name: text(MAX.name + 1) }, consent: true,
    field: 'name', message: /maximaal 200 tekens/i },
  { what: 'an e-mail address one character too long', values: { body: BENCH, email: address(MAX.email + 1) }, consent: true,
    field: 'email', message: /maximaal 254 tekens/i },
  { what: 'a 2 MB comment', values: { body: text(BIG) }, field: 'body', message: /maximaal 5000 tekens/i },
  // Control characters: refused with a Dutch message at the field, or stripped and the rest
  // accepted. The app strips them from the comment and the name, and refuses such an address.
  { what: 'control characters in the comment', control: true, values: { body: 'Goede\u0000 buurt\u0007 met \u001b[31mrode tekst' },
    field: 'body', message: /teken/i },
  { what: 'control characters in the name', control: true, values: { body: BENCH, name: 'Jan\u0007 \u001b[31mJansen\u0000' }, consent: true,
    field: 'name', message: /teken/i },
  { what: 'control characters in the e-mail address', control: true, values: { body: BENCH, email: 'jan\u0007@example.org' }, consent: true,
    field: 'email', message: /geldig e-mailadres/i },
];

for (const javaScriptEnabled of MODES) {
  const mode = modeName(javaScriptEnabled);

  test(`comment form: empty, over-long, 2 MB and control-character input is refused in Dutch and kept, or cleaned (${mode})`, async () => {
    const page = await newPage(browser, { javaScriptEnabled });
    const { anchor } = await openCommentForm(page);
    const countBefore = await blockCount(anchor);
    let stored = 0;
    let officer;
    let form;
    await sweep(page, commentCases, async (c) => {
      // The form stays after a refusal (redrawn from the echo without JavaScript): fill it again.
      if (!form || !(await form.body.isVisible())) form = await openCommentForm(page);
      const marker = `(${unique()})`;
      const values = { name: '', email: '', ...c.values, body: c.control ? `${c.values.body} ${marker}` : c.values.body };
      for (const [field, value] of Object.entries(values)) await setValue(form[field], value);
      await form.consent.setChecked(Boolean(c.consent));
      await submit(page, form.send);
      const receipt = page.locator('.tracking-code');
      if (c.control) await receipt.waitFor({ timeout: 2000 }).catch(() => {});
      if (c.control && await receipt.count() === 1) {
        // Accepted: stored once, and neither the public page nor staff see a control character.
        stored += 1;
        form = undefined;
        const code = (await page.locator('.tracking-code').innerText()).trim();
        assert.match(code, CODE_PATTERN);
        await open(page, `/volg/${code}`);
        const shown = await page.getByRole('region', { name: 'Uw reactie' }).evaluate((el) => el.textContent);
        assert.ok(shown.includes(stripControls(values.body)), `the comment without control characters: ${JSON.stringify(shown)}`);
        assert.doesNotMatch(shown, CONTROL_CHARS, 'no control character is shown');
        if (c.field !== 'body') {
          if (!officer) {
            officer = await newPage(browser);
            await logIn(officer);
          }
          await open(officer, `/beheer/consultaties/${DEMO_SLUG}/reacties?q=${encodeURIComponent(marker)}`);
          const card = officer.locator('article.officer-comment', { hasText: marker });
          if (javaScriptEnabled && c === commentCases.at(-2)) await assertAccessible(officer, 'reactions list, one found');
          const details = await card.getByRole('paragraph').filter({ hasText: 'Persoonsgegevens' }).evaluate((el) => el.textContent);
          assert.ok(details.includes(stripControls(values[c.field])), `staff see the ${c.field} without control characters: ${JSON.stringify(details)}`);
          assert.doesNotMatch(details, CONTROL_CHARS, `stored with the control characters: ${JSON.stringify(details)}`);
        }
        return;
      }
      await assertFieldMessage(page, form[c.field], c.message);
      if (javaScriptEnabled && c === commentCases[0]) await assertAccessible(page, `refused comment form (${mode})`);
      for (const [field, value] of Object.entries(values)) {
        await assertKept(page, form[field], value, MAX[field], `field ${field}`);
      }
      if (c.consent) assert.equal(await form.consent.isChecked(), true, 'the consent stays ticked');
      assert.equal(await page.locator('.tracking-code').count(), 0, 'no tracking code');
      assert.doesNotMatch(new URL(page.url()).pathname, /^\/volg\//, 'not sent on to a tracking page');
    });
    await officer?.context().close();
    assert.equal(await blockCount(anchor), countBefore + stored, 'nothing refused was stored, each accepted comment once');
    await page.context().close();
  });
}


// ---------------------------------------------------------------------------------------------
// The tracking-code lookup at /volg (a GET form) and the lost-code form at /volg/kwijt.

const lookupCases = [
  { what: 'an empty code', value: '', message: /verplicht|vul/i },
  { what: 'a code one character too long', value: 'ABCDE-FGHJK7', message: /kennen we niet/i },
  { what: 'control characters in the code', value: 'ABCDE\u0007-\u001b[31m', message: /kennen we niet/i },
  // Pasted, as a person would: the field takes at most 40 characters (app/src/domain/tracking.rs).
  // (A 2 MB address typed by hand is refused by the HTTP layer, 431, before the app sees it.)
  { what: 'a 2 MB code, pasted', value: text(BIG), paste: true, kept: text(40), message: /kennen we niet/i },
];

const LOST_SENT = /Als er reacties met dit bevestigde e-mailadres zijn/;
const lostCases = [
  { what: 'an empty address', value: '', message: /verplicht/i },
  { what: 'an address one character too long', value: address(MAX.email + 1), message: /maximaal 254 tekens/i },
  { what: 'a 2 MB address', value: address(BIG), message: /maximaal 254 tekens/i },
  // An address with control characters is no address: refused like any invalid one.
  { what: 'control characters in the address', value: 'jan\u0007\u001b[31m@example.org', message: /geldig e-mailadres/i },
];

for (const javaScriptEnabled of MODES) {
  const mode = modeName(javaScriptEnabled);

  test(`/volg: an empty, over-long, garbled or 2 MB code gets a Dutch message next to the field (${mode})`, async () => {
    const page = await newPage(browser, { javaScriptEnabled });
    const field = page.getByLabel('Volgcode');
    await sweep(page, lookupCases, async (c) => {
      // Each lookup is a page load that shows the form again.
      if (!(await field.isVisible())) await open(page, '/volg');
      if (javaScriptEnabled && c === lookupCases[0]) await assertAccessible(page, `tracking-code lookup (${mode})`);
      if (c.paste) {
        await setValue(field, '');
        await field.focus();
        await page.keyboard.insertText(c.value);
        assert.equal((await field.inputValue()).length, 40, 'the paste is cut at the field\'s 40 characters');
      } else {
        await setValue(field, c.value);
      }
      let status = 0;
      const listener = (r) => { if (r.request().isNavigationRequest()) status = r.status(); };
      page.on('response', listener);
      const button = page.getByRole('button', { name: 'Zoek op' });
      // A GET form: a full page load (JavaScript on or off), empty or not.
      await Promise.all([page.waitForEvent('framenavigated', { timeout: 30000 }), button.click()]);
      await page.waitForLoadState('load');
      page.off('response', listener);
      assert.ok(status < 500, `no server error (status ${status})`);
      assert.doesNotMatch(page.url(), /^chrome-error:/, `the browser shows its own error page: the server answered ${status} with nothing to show`);
      if (javaScriptEnabled) await page.waitForSelector('body[data-hydrated]', { timeout: 15000 });
      page.off('response', listener);
      await assertFieldMessage(page, field, c.message);
      await assertKept(page, field, c.kept ?? c.value, undefined, 'the code', c.value !== '');
      assert.equal(await page.getByRole('region', { name: 'Uw reactie' }).count(), 0, 'no comment is shown');
    });
    await page.context().close();
  });

  test(`/volg/kwijt: an empty, over-long, garbled or 2 MB address is refused in Dutch next to the field and kept (${mode})`, async () => {
    const page = await newPage(browser, { javaScriptEnabled });
    const field = page.getByLabel('Uw e-mailadres');
    await sweep(page, lostCases, async (c) => {
      // A fresh page each time: after a refusal the page keeps its address's "verstuurd=1".
      await open(page, '/volg/kwijt');
      if (javaScriptEnabled && c === lostCases[0]) await assertAccessible(page, `lost-code form (${mode})`);
      await setValue(field, c.value);
      await submit(page, page.getByRole('button', { name: 'Stuur mijn volgcodes' }));
      await assertFieldMessage(page, field, c.message);
      assert.equal(await page.getByText(LOST_SENT).count(), 0, 'accepted: the page says the codes are sent');
      await assertKept(page, field, c.value, MAX.email, 'the address');
    });
    await page.context().close();
  });
}

// ---------------------------------------------------------------------------------------------
// The login form.

const PASSWORD = 'lindeburg-demo-2026';
const loginCases = [
  { what: 'empty fields', email: '', password: '' },
  { what: 'an address one character too long', email: address(MAX.email + 1), password: PASSWORD },
  { what: 'control characters in the address', email: 'beleid\u0007@lindeburg.example\u0000', password: PASSWORD },
  { what: 'a 2 MB address', email: address(BIG), password: PASSWORD },
  { what: 'a 2 MB password', email: 'beleid@lindeburg.example', password: text(BIG) },
];

for (const javaScriptEnabled of MODES) {
  const mode = modeName(javaScriptEnabled);
  test(`/inloggen: empty, over-long, garbled and 2 MB input is refused in Dutch next to the field, nobody signed in (${mode})`, async () => {
    const page = await newPage(browser, { javaScriptEnabled });
    const email = page.getByLabel('E-mailadres');
    const password = page.getByLabel('Wachtwoord');
    await sweep(page, loginCases, async (c) => {
      if (!(await email.isVisible())) await open(page, '/inloggen');
      if (javaScriptEnabled && c === loginCases[0]) await assertAccessible(page, `login form (${mode})`);
      await setValue(email, c.email);
      await setValue(password, c.password);
      await submit(page, page.getByRole('button', { name: 'Inloggen' }));
      assert.equal(new URL(page.url()).pathname, '/inloggen', 'still on the login page');
      await assertFieldMessage(page, email, /klopt niet|verplicht|maximaal 254 tekens/i);
      await assertKept(page, email, c.email, MAX.email, 'the address');
      if (!javaScriptEnabled) assert.equal(await password.inputValue(), '', 'the password is never echoed');
      assert.equal((await page.request.get(new URL('/beheer', page.url()).href)).status(), 401, 'not signed in');
    });
    await page.context().close();
  });
}

// ---------------------------------------------------------------------------------------------
// "Uw gegevens" on /volg/{code}: the erase request. Its only field is the tick; the code travels
// in a hidden field, which a crafted post can fill with anything.

/** A fresh comment with a name and an address, sent with JavaScript; returns its code. */
async function commentWithDetails() {
  const page = await newPage(browser);
  const form = await openCommentForm(page);
  await form.body.fill(`Een reactie om te wissen (${unique()}).`);
  await form.name.fill('Wim Wissel');
  await form.email.fill(`wim-${unique()}@example.org`);
  await form.consent.check();
  await form.send.click();
  const code = (await page.locator('.tracking-code').innerText()).trim();
  await page.context().close();
  return code;
}

const KEPT = /naam en e-mailadres/i;
const eraseCases = [
  { what: 'the tick left empty' },
  { what: 'a code one character too long', tamper: (c) => `${c}X` },
  { what: 'control characters in the code', tamper: (c) => `${c}\u0007\u0000` },
  { what: 'a 2 MB code', tamper: () => text(BIG) },
];

for (const javaScriptEnabled of MODES) {
  const mode = modeName(javaScriptEnabled);
  test(`"Uw gegevens": an erase request without the tick, or with a crafted code, is refused in Dutch and erases nothing (${mode})`, async () => {
    const code = await commentWithDetails();
    const page = await newPage(browser, { javaScriptEnabled });
    const section = page.getByRole('region', { name: 'Uw gegevens' });
    const confirm = section.getByLabel(/Ik wil dat mijn naam en e-mailadres/);
    const send = section.getByRole('button', { name: 'Mijn naam en e-mailadres wissen' });
    const hiddenCode = section.locator('input[type=hidden][name=code]');
    await sweep(page, eraseCases, async (c) => {
      // The form stays after a refusal (redrawn without JavaScript): send it again.
      if (!(await send.isVisible())) await open(page, `/volg/${code}`);
      if (javaScriptEnabled && c === eraseCases[0]) await assertAccessible(page, `tracking page with "Uw gegevens" (${mode})`);
      assert.match(await section.innerText(), KEPT);
      await confirm.setChecked(Boolean(c.tamper));
      await setValue(hiddenCode, c.tamper ? c.tamper(code) : code);
      const response = await submit(page, send);
      assert.ok(!response || response.status() < 500, `no server error (status ${response?.status()})`);
      if (!c.tamper) {
        await assertFieldMessage(page, confirm, /Vink aan/i);
        assert.equal(await confirm.isChecked(), false);
      } else {
        // None of the person's fields is wrong: a Dutch message for the form (or the page).
        const said = page.getByText(/niet gevonden|bestaat niet|kennen we niet/i).first();
        await said.waitFor({ timeout: 4000 }).catch(() => {});
        assert.equal(await said.count(), 1,
          `a Dutch message; the page says: ${JSON.stringify((await page.locator('main').innerText().catch(() => '')).slice(0, 300))}`);
      }
    });
    await open(page, `/volg/${code}`);
    assert.match(await section.innerText(), KEPT, 'nothing was erased: the details are still kept');
    await page.context().close();
  });
}

// ---------------------------------------------------------------------------------------------
// Addresses with invalid UTF-8 or broken percent-encoding: a Dutch "niet gevonden" page.

const BROKEN_URLS = [
  '/volg/%FF%FE',
  '/volg/ABCDE-%00',
  '/volg/%E2%82',
  '/volg/%',
  '/consultaties/%C0%AF',
  '/consultaties/%FF',
  `/consultaties/${DEMO_SLUG}/%C0%AF`,
  '/%ZZ',
];

for (const javaScriptEnabled of MODES) {
  const mode = modeName(javaScriptEnabled);
  test(`broken percent-encoding in the address gets a Dutch "niet gevonden" page, never a server error (${mode})`, async () => {
    const page = await newPage(browser, { javaScriptEnabled });
    await sweep(page, BROKEN_URLS.map((url) => ({ what: url, url })), async ({ url }) => {
      const response = await open(page, url);
      assert.ok([400, 404].includes(response.status()), `status 400 or 404, got ${response.status()}`);
      const main = await page.locator('main').innerText();
      assert.match(main, /niet gevonden|bestaat niet|kennen we niet/i, `a Dutch message, got: ${main.slice(0, 200)}`);
      if (javaScriptEnabled && (url === BROKEN_URLS[0] || url === BROKEN_URLS[4])) await assertAccessible(page, `not found page ${url} (${mode})`);
    });
    await page.context().close();
  });
}
