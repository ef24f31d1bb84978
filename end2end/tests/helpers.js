// Shared set-up for the browser tests: Debian's Chromium through playwright-core (never a
// browser download), axe-core injected into the page, and small helpers for the flows.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

export const BASE = process.env.INSPRAAK_URL ?? 'http://127.0.0.1:3000';
export const DEMO_SLUG = 'samen-sterk-in-de-wijk';
export const OFFICER = {
  email: process.env.INSPRAAK_DEMO_EMAIL ?? 'beleid@lindeburg.example',
  password: process.env.INSPRAAK_DEMO_PASSWORD ?? 'lindeburg-demo-2026',
};
export const REVIEWER = { email: 'marieke@lindeburg.example' };

export const FIXTURES = [
  path.resolve(here, '../../../shared/fixtures'),
  path.resolve(here, '../../../../shared/fixtures'),
].find((dir) => existsSync(dir));

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** A fresh page; with `javaScriptEnabled: false` it behaves like a browser with JavaScript off. */
export async function newPage(browser, { javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ javaScriptEnabled, locale: 'nl-NL' });
  const page = await context.newPage();
  // A panic in the app logs its message (console_error_panic_hook) just before the error that
  // stops the module: keep both, with the page it happened on, so a failure says what went wrong.
  let logged = [];
  page.on('console', (message) => {
    if (message.type() === 'error') logged = [...logged, message.text()].slice(-3);
    // The server sends a strict Content-Security-Policy: anything it blocks is a failure.
    if (/Content Security Policy/i.test(message.text())) {
      page.__errors = [...(page.__errors ?? []), `${page.url()}: CSP violation: ${message.text()}`];
    }
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('pageerror', (error) => {
    page.__errors = [...(page.__errors ?? []), `${page.url()}: ${error.message}\n${logged.join('\n')}`];
    logged = [];
  });
  page.__javaScriptEnabled = javaScriptEnabled;
  return page;
}

/** Opens a URL and waits until the app is hydrated (JavaScript on) or loaded (off). */
export async function open(page, url) {
  // Whatever broke on the page before (a panic in the app, say) fails the test here.
  assert.deepEqual(page.__errors ?? [], [], `errors on the page before ${url}`);
  const response = await page.goto(new URL(url, BASE).href);
  if (page.__javaScriptEnabled) {
    await page.waitForSelector('body[data-hydrated]', { timeout: 15000 });
  }
  return response;
}

/** Runs axe-core on the page and fails on serious or critical WCAG 2.1 A/AA violations. */
export async function assertAccessible(page, what) {
  if (!page.__javaScriptEnabled) {
    // axe needs JavaScript: check the same server-rendered page in a browser that has it.
    const checker = await newPage(page.context().browser());
    await checker.goto(page.url());
    try {
      return await assertAccessible(checker, what);
    } finally {
      await checker.context().close();
    }
  }
  // Through the DevTools protocol, which the page's Content-Security-Policy does not govern (a
  // script tag would be refused, rightly).
  assert.deepEqual(page.__errors ?? [], [], `errors on ${what}`);
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const describe = (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`;
  for (const v of result.violations.filter((v) => !serious.includes(v))) {
    console.log(`axe, ${what}: ${describe(v)}`);
  }
  assert.equal(serious.length, 0, `axe found serious violations on ${what}:\n${serious.map(describe).join('\n')}`);
  assert.ok(result.passes.length > 5, 'axe ran its checks');
}

export async function logIn(page, { email = OFFICER.email, password = OFFICER.password } = {}) {
  await open(page, '/inloggen');
  await page.fill('#login-email', email);
  await page.fill('#login-password', password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/beheer', { timeout: 15000 }),
    page.click('#inloggen button[type=submit]'),
  ]);
}

/** Waits until `locator` matches exactly `n` elements (a list redrawn after a client-side
 *  navigation), then asserts it: fails with the last count after `timeout` ms. */
export async function expectCount(locator, n, message, timeout = 10000) {
  const end = Date.now() + timeout;
  let count = await locator.count();
  while (count !== n && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    count = await locator.count();
  }
  assert.equal(count, n, message);
}

export function isoDate(offsetDays) {
  const d = new Date(Date.now() + offsetDays * 86400000);
  return d.toISOString().slice(0, 10);
}

/** A unique suffix, so that tests can run against a database that earlier runs used. */
export function unique() {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

export const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

/** The Maildir of the local SMTP server the test server sends to (set by scripts/test). */
export const MAILDIR = process.env.INSPRAAK_MAILDIR;

/** Every message in the Maildir to `address`, decoded, oldest first. */
export async function mailsTo(address) {
  const { simpleParser } = await import('mailparser');
  const dir = path.join(MAILDIR, 'new');
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).map((name) => path.join(dir, name));
  files.sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs || a.localeCompare(b));
  const mails = [];
  for (const file of files) {
    const parsed = await simpleParser(readFileSync(file));
    const to = parsed.to?.value?.map((v) => v.address.toLowerCase()) ?? [];
    if (to.includes(address.toLowerCase())) {
      mails.push({ subject: parsed.subject ?? '', text: parsed.text ?? '', headers: parsed.headers });
    }
  }
  return mails;
}

/** Waits (at most 20 s) until a mail to `address` whose subject matches `subject` arrives. */
export async function waitForMail(address, subject) {
  const deadline = Date.now() + 20000;
  for (;;) {
    const found = (await mailsTo(address)).filter((m) => subject.test(m.subject));
    if (found.length > 0) return found[found.length - 1];
    assert.ok(Date.now() < deadline, `no mail to ${address} with subject ${subject}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The path of the first link in a mail's text that starts with `prefix` (e.g. "/bevestigen/"). */
export function linkIn(text, prefix) {
  const url = text.split(/\s+/).find((word) => /^https?:\/\//.test(word) && new URL(word).pathname.startsWith(prefix));
  assert.ok(url, `a ${prefix} link in:\n${text}`);
  return new URL(url).pathname;
}

/** The message area of a form field: the text of the elements its `aria-describedby` names whose
 *  id ends in "-error" (components/fields.rs), once it says something (at most `timeout` ms). */
export async function fieldMessage(field, timeout = 15000) {
  const read = () => field.evaluate((el) => (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter((id) => id.endsWith('-error'))
    .map((id) => document.getElementById(id))
    .filter((area) => area && area.checkVisibility())
    .map((area) => area.innerText.trim())
    .join(' ')
    .trim());
  const end = Date.now() + timeout;
  let text = await read();
  while (!text && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    text = await read();
  }
  return text;
}

/** Puts `value` into a field as a paste would, but past its `maxlength` (a browser without the
 *  limit, or a crafted post) and fast for megabytes; fires `input` and `change`. */
export async function setValue(field, value) {
  await field.evaluate((el, v) => {
    el.value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}
