// The municipality's own look: the site is built on NL Design System components, coloured by a
// theme of design tokens chosen at deploy time (INSPRAAK_THEME, a path) without a rebuild. The
// server under test runs the default theme; this test starts a second server on the same
// database with the second theme (Gemeente Utrecht's tokens), and checks the document page, the
// comment form and the nota in both themes and both languages with axe, contrast included.
// Screenshots of each go to end2end/test-results/themes/. The second server also has its own
// wording (INSPRAAK_TEXTS, as a region that answers as its "dagelijks bestuur"): the islands in the
// browser must say what the server says.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, newPage, assertAccessible, BASE, DEMO_SLUG } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHOTS = path.resolve(here, '../test-results/themes');

let browser;
let second;
let secondUrl;

/** A region's own wording: one term, and the message of a required field, in both languages. */
function ownWording() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'inspraak-texts-'));
  mkdirSync(path.join(dir, 'nl'));
  mkdirSync(path.join(dir, 'en'));
  writeFileSync(path.join(dir, 'nl', 'regio.ftl'), '-college = dagelijks bestuur\nfield-error-required = Vul dit veld in, dan gaan we verder.\n');
  writeFileSync(path.join(dir, 'en', 'region.ftl'), '-college = regional board\nfield-error-required = Fill in this field to go on.\n');
  return dir;
}

/** Starts `inspraak serve` with the second theme on a free port beside the server under test. */
async function startThemedServer() {
  assert.ok(process.env.INSPRAAK_BIN, 'the inspraak binary is given');
  assert.ok(process.env.LEPTOS_SITE_ROOT, 'the site root is given');
  const port = 3200 + Math.floor(Math.random() * 500);
  const address = `127.0.0.1:${port}`;
  const env = {
    ...process.env,
    LEPTOS_SITE_ADDR: address,
    INSPRAAK_PUBLIC_URL: `http://${address}`,
    INSPRAAK_THEME: path.join(process.env.LEPTOS_SITE_ROOT, 'themes', 'utrecht.css'),
    INSPRAAK_TEXTS: ownWording(),
  };
  second = spawn(process.env.INSPRAAK_BIN, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  second.stdout.on('data', (d) => { log += d; });
  second.stderr.on('data', (d) => { log += d; });
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://${address}/`);
      if (response.ok) return `http://${address}`;
    } catch {
      // not listening yet
    }
    if (second.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the second server did not start:\n${log}`);
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
  secondUrl = await startThemedServer();
});
after(async () => {
  await browser?.close();
  second?.kill('SIGTERM');
});

/** A page in the given language (the `taal` cookie, as the language switch sets it). */
async function pageIn(base, language) {
  const page = await newPage(browser);
  await page.context().addCookies([{ name: 'taal', value: language, url: base }]);
  await page.setViewportSize({ width: 1100, height: 900 });
  return page;
}

async function openOn(page, base, url) {
  const response = await page.goto(new URL(url, base).href);
  assert.equal(response.status(), 200, `${url} on ${base}`);
  await page.waitForSelector('body[data-hydrated]', { timeout: 15000 });
}

/** The computed colour of the page's banner (the primary colour) and the theme's token for it. */
async function primaryColours(page) {
  return page.evaluate(() => {
    const banner = document.querySelector('header');
    const token = getComputedStyle(document.documentElement).getPropertyValue('--utrecht-button-primary-action-background-color').trim();
    return { button: banner ? getComputedStyle(banner).backgroundColor : null, token };
  });
}

const themes = () => [
  { name: 'default', base: BASE },
  { name: 'utrecht', base: secondUrl },
];

test('each theme is a stylesheet of design tokens under a fingerprinted address, loaded before the components', async () => {
  const addresses = [];
  for (const { name, base } of themes()) {
    const html = await (await fetch(`${base}/consultaties/${DEMO_SLUG}`)).text();
    const links = [...html.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(links.length, 2, `${name}: the theme and the site's stylesheet: ${links}`);
    assert.match(links[0], /^\/pkg\/[0-9a-f]{16}\/theme\.css$/, `${name}: the theme comes first`);
    const response = await fetch(`${base}${links[0]}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('cache-control'), /immutable/);
    const css = await response.text();
    assert.match(css, /^[\s\S]*:root\s*\{/, `${name}: tokens on :root`);
    assert.match(css, /--utrecht-button-primary-action-background-color:/, `${name}: the button's token`);
    addresses.push(links[0]);
  }
  assert.notEqual(addresses[0], addresses[1], 'another theme, another address');
});

test('the document page, the comment form and the nota in both themes and both languages pass axe', async () => {
  const seen = {};
  for (const { name, base } of themes()) {
    for (const language of ['nl', 'en']) {
      const page = await pageIn(base, language);
      const what = `${name} theme, ${language}`;

      await openOn(page, base, `/consultaties/${DEMO_SLUG}`);
      assert.equal(await page.getAttribute('html', 'lang'), language);
      const colours = await primaryColours(page);
      assert.ok(colours.token, `${what}: the theme sets the primary button's colour`);
      assert.ok(colours.button && colours.button !== 'rgba(0, 0, 0, 0)', `${what}: the banner has the primary colour: ${colours.button}`);
      seen[name] = colours.button;
      await assertAccessible(page, `document page (${what})`);
      if (language === 'nl') await page.screenshot({ path: path.join(SHOTS, `${name}-document.png`) });

      // The comment form, with the errors of an empty submission next to its fields.
      const block = page.locator('[data-block]').nth(2);
      await block.locator('a.comment-link').click();
      const body = page.getByLabel(language === 'nl' ? /Uw reactie/ : /Your comment/).first();
      await body.waitFor();
      await page.locator('.comment-form button[type=submit]').click();
      await page.locator('.field-error').first().waitFor();
      await assertAccessible(page, `comment form with errors (${what})`);
      if (language === 'nl') {
        await page.locator('.comment-form').scrollIntoViewIfNeeded();
        await page.locator('.comment-form').screenshot({ path: path.join(SHOTS, `${name}-comment-form.png`) });
      }

      await openOn(page, base, `/consultaties/${DEMO_SLUG}/reactienota`);
      await assertAccessible(page, `nota (${what})`);
      if (language === 'nl') await page.screenshot({ path: path.join(SHOTS, `${name}-nota.png`) });
      await page.context().close();
    }
  }
  assert.notEqual(seen.default, seen.utrecht, 'the two themes colour the banner differently');
});

test("a region's own wording is on its pages and in what the islands say in the browser", async () => {
  for (const [language, term, required] of [
    ['nl', 'welk antwoord het dagelijks bestuur gaf', 'Vul dit veld in, dan gaan we verder.'],
    ['en', 'how the regional board answered', 'Fill in this field to go on.'],
  ]) {
    const page = await pageIn(secondUrl, language);
    await openOn(page, secondUrl, `/consultaties/${DEMO_SLUG}/resultaat`);
    assert.ok((await page.locator('main').innerText()).includes(term), `${language}: the term in a server-rendered sentence`);

    // The comment form is an island: its refusal of an empty comment is worded in the browser.
    await openOn(page, secondUrl, `/consultaties/${DEMO_SLUG}`);
    await page.locator('[data-block]').nth(2).locator('a.comment-link').click();
    await page.getByLabel(language === 'nl' ? /Uw reactie/ : /Your comment/).first().waitFor();
    await page.getByRole('button', { name: language === 'nl' ? 'Verstuur reactie' : 'Send comment' }).click();
    await page.getByText(required).first().waitFor({ timeout: 10000 });
    assert.equal(await page.getByText(required).count() >= 1, true, `${language}: the island's own message`);
    await page.context().close();
  }
  // The server under test has no wording of its own: the standard words there.
  const html = await (await fetch(`${BASE}/consultaties/${DEMO_SLUG}/resultaat`)).text();
  assert.match(html, /welk antwoord het college gaf/);
  assert.doesNotMatch(html, /inspraak-texts/);
});
