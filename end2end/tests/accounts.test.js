// Accounts, with JavaScript on and off: an admin deactivates a colleague's account (signed out at
// once, cannot sign in) and reactivates it; staff of one municipality do not see or manage another
// municipality's council, and the council's own staff remove a member, who is signed out.
// The council part changes the shared demo database, so it runs last in this file; the
// deactivated account is reactivated.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, logIn, assertAccessible, fieldMessage, unique, BASE, OFFICER } from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SANDER = { email: 'sander@lindeburg.example', name: 'Sander Pieters', password: OFFICER.password };
const WATERHOVEN = { email: 'wmo@waterhoven.example', password: OFFICER.password };
const HENK = { email: 'henk@asd-lindeburg.example', name: 'Henk Bakker', password: OFFICER.password };
const LINDEBURG_COUNCIL = 'Adviesraad Sociaal Domein Lindeburg';
const MEMBER_PASSWORD = 'raadslid-wachtwoord-2026';

/** Clicks a submit button; without JavaScript, waits for the post's redirect to land. */
async function submit(page, button) {
  if (page.__javaScriptEnabled) {
    await button.click();
    return;
  }
  const before = page.url();
  await Promise.all([page.waitForURL((url) => url.href !== before, { waitUntil: 'load' }), button.click()]);
}

/** Fills and sends the login form as a person does; returns the form's e-mail field. */
async function tryLogIn(page, { email, password }) {
  await open(page, '/inloggen');
  const field = page.getByLabel('E-mailadres');
  await field.fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await submit(page, page.getByRole('button', { name: 'Inloggen' }));
  return field;
}

/** Signs in any account (staff land on /beheer, council members go on from there). */
async function signIn(page, account) {
  await tryLogIn(page, account);
  await page.waitForURL((url) => url.pathname !== '/inloggen', { timeout: 15000 });
}

/** The next page load of a signed-out browser: 401 and the Dutch request to log in. */
async function assertSignedOut(page, url, who) {
  const response = await open(page, url);
  assert.equal(response.status(), 401, `${who} is signed out on the next page load of ${url}`);
  assert.match(await page.locator('main').innerText(), /Log in om verder te gaan|inloggen/i);
  if (page.__javaScriptEnabled) await assertAccessible(page, `${url} after being signed out`);
}

/** The login is refused with a Dutch message next to the e-mail field, and nobody is signed in. */
async function assertLoginRefused(page, account) {
  const field = await tryLogIn(page, account);
  assert.match(await fieldMessage(field), /klopt niet/i, `${account.email} cannot sign in`);
  assert.equal(new URL(page.url()).pathname, '/inloggen');
  if (page.__javaScriptEnabled) await assertAccessible(page, 'refused login');
  assert.equal((await page.request.get(`${BASE}/beheer`)).status(), 401);
}

function staffCard(page, email) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading') }).filter({ hasText: email });
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'JavaScript on' : 'JavaScript off';

  test(`an admin deactivates an account, which is signed out and refused, then reactivates it (${mode})`, async () => {
    const sander = await newPage(browser, { javaScriptEnabled });
    await signIn(sander, SANDER);
    assert.equal((await open(sander, '/beheer')).status(), 200, 'Sander is signed in');
    if (javaScriptEnabled) await assertAccessible(sander, 'officer home');

    const admin = await newPage(browser, { javaScriptEnabled });
    await logIn(admin);
    await open(admin, '/beheer/gebruikers');
    const card = staffCard(admin, SANDER.email);
    assert.equal(await card.count(), 1, 'one card for Sander');
    await submit(admin, card.getByRole('button', { name: `Account deactiveren ${SANDER.name}` }));
    await card.getByText('gedeactiveerd', { exact: true }).waitFor();
    assert.equal(await card.getByRole('button', { name: `Account weer activeren ${SANDER.name}` }).count(), 1);
    if (javaScriptEnabled) {
      await assertAccessible(admin, 'staff accounts with a deactivated account');
    } else {
      // The checker page that assertAccessible opens must be signed in to see the page.
      const checker = await newPage(browser);
      await logIn(checker);
      await open(checker, '/beheer/gebruikers');
      await assertAccessible(checker, 'staff accounts with a deactivated account');
      await checker.context().close();
    }

    // Sander's browser is signed out on its next page load and cannot sign in again.
    await assertSignedOut(sander, '/beheer', 'Sander');
    await assertLoginRefused(sander, SANDER);

    // Reactivated: Sander signs in again.
    await open(admin, '/beheer/gebruikers');
    await submit(admin, card.getByRole('button', { name: `Account weer activeren ${SANDER.name}` }));
    await card.getByRole('button', { name: `Account deactiveren ${SANDER.name}` }).waitFor();
    assert.equal(await card.getByText('gedeactiveerd', { exact: true }).count(), 0, 'no longer marked deactivated');
    await signIn(sander, SANDER);
    assert.equal(new URL(sander.url()).pathname, '/beheer');
    assert.equal((await open(sander, '/beheer')).status(), 200, 'Sander is signed in again');

    await admin.context().close();
    await sander.context().close();
  });
}

/** The address of a council on the admin's /beheer/raden, by its name. */
async function councilPath(admin, name) {
  await open(admin, '/beheer/raden');
  const link = admin.getByRole('link', { name, exact: true });
  assert.equal(await link.count(), 1, `one council named ${name}`);
  return link.getAttribute('href');
}

/** Invites a new member on the council page the admin has open; the member accepts in `page`. */
async function inviteMember(admin, page) {
  const id = unique();
  const member = { name: `Fenna Lid ${id}`, email: `fenna-${id}@raad.example`, password: MEMBER_PASSWORD };
  await admin.getByLabel('Naam van het lid').fill(member.name);
  await admin.getByLabel('E-mailadres van het lid').fill(member.email);
  await submit(admin, admin.getByRole('button', { name: 'Uitnodigingslink maken' }));
  const link = (await admin.locator('.invite-url').innerText()).trim();
  assert.match(link, /\/uitnodiging\/[0-9a-f]{64}$/);
  await open(page, new URL(link).pathname);
  await assertAccessible(page, 'invite page');
  await page.getByLabel('Wachtwoord', { exact: true }).fill(member.password);
  await page.getByLabel('Wachtwoord nog een keer').fill(member.password);
  await Promise.all([page.waitForURL('**/raad'), page.getByRole('button', { name: 'Account aanmaken' }).click()]);
  return member;
}

// Last in this file: it changes the demo's councils for the files that run after it.
for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'JavaScript on' : 'JavaScript off';

  test(`another municipality's officer is refused a council; its own admin removes a member, who is signed out (${mode})`, async () => {
    const admin = await newPage(browser, { javaScriptEnabled });
    await logIn(admin);
    const council = await councilPath(admin, LINDEBURG_COUNCIL);
    assert.match(council, /^\/beheer\/raden\/[a-z0-9-]+$/);

    // The Waterhoven officer does not see Lindeburg's council and may not open it.
    const waterhoven = await newPage(browser, { javaScriptEnabled });
    await signIn(waterhoven, WATERHOVEN);
    await open(waterhoven, '/beheer/raden');
    const listed = await waterhoven.locator('main').innerText();
    assert.match(listed, /Wmo-raad Waterhoven/, 'the own council is listed');
    assert.doesNotMatch(listed, /Lindeburg/, 'no Lindeburg council is listed');
    if (javaScriptEnabled) await assertAccessible(waterhoven, 'councils of Waterhoven');
    const refused = await open(waterhoven, council);
    assert.ok([403, 404].includes(refused.status()), `refused with 403 or 404, got ${refused.status()}`);
    const refusal = await waterhoven.locator('main').innerText();
    assert.match(refusal, /geen toegang|niet gevonden|bestaat niet/i, `a Dutch refusal: ${refusal.slice(0, 200)}`);
    assert.doesNotMatch(refusal, /@asd-lindeburg\.example|Uit de raad verwijderen/, 'no members, no buttons');
    if (javaScriptEnabled) await assertAccessible(waterhoven, 'refused council page');

    // The Lindeburg council's member list: Henk, the demo's member, is on it.
    await open(admin, council);
    await admin.getByText(HENK.email).first().waitFor();

    // Henk is removed once (JavaScript on, the first run on this database); otherwise a member
    // invited for the purpose.
    const henkActive = await admin.getByRole('button', { name: `Uit de raad verwijderen ${HENK.name}` }).count() === 1;
    const memberPage = await newPage(browser, { javaScriptEnabled });
    let member;
    if (javaScriptEnabled && henkActive) {
      member = HENK;
      await signIn(memberPage, HENK);
    } else {
      member = await inviteMember(admin, memberPage);
      await open(admin, council);
    }
    const home = await open(memberPage, '/raad');
    assert.equal(home.status(), 200, `${member.name} is signed in`);
    assert.match(await memberPage.locator('main').innerText(), new RegExp(LINDEBURG_COUNCIL));
    if (javaScriptEnabled) await assertAccessible(memberPage, 'council member area');

    // The member's line, not the line of the invite they accepted.
    const item = admin.getByRole('listitem').filter({ hasText: member.email }).filter({ hasNotText: /gebruikt|open tot|verlopen/ });
    await submit(admin, item.getByRole('button', { name: `Uit de raad verwijderen ${member.name}` }));
    await item.getByText('verwijderd', { exact: true }).waitFor();
    assert.equal(await item.getByRole('button').count(), 0, 'no remove button for a removed member');
    if (javaScriptEnabled) await assertAccessible(admin, 'council page with a removed member');

    await assertSignedOut(memberPage, '/raad', member.name);
    await assertLoginRefused(memberPage, member);

    for (const page of [admin, waterhoven, memberPage]) await page.context().close();
  });
}
