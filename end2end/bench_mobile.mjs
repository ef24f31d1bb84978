// Part of scripts/bench_load: loads pages in Debian's Chromium as a slow mobile does (DevTools
// protocol: 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency, CPU 4x slower), three times each in
// a fresh browser context (empty cache), and prints Markdown rows with the medians of
// DOMContentLoaded, of the moment the page is interactive, and of the bytes transferred.
//
// "Interactive" is the moment the app marks <body data-hydrated>: set right after the islands
// (the comment form's client-side handler among them) are hydrated.
// Usage: node end2end/bench_mobile.mjs BASE RESIDENT_PATH STAFF_PATH STAFF_COOKIE
import { chromium } from 'playwright-core';

const [base, residentPath, staffPath, staffCookie] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
  headless: true,
});

async function load(path, cookie) {
  const context = await browser.newContext({ locale: 'nl-NL' });
  if (cookie) {
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url: base }]);
  }
  const page = await context.newPage();
  // Notes the moment the app marks the page interactive, in the page's own clock.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.body?.hasAttribute('data-hydrated')) {
        window.__interactiveAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-hydrated'] });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(base + path, { waitUntil: 'domcontentloaded', timeout: 120000 });
  let interactive = null;
  try {
    await page.waitForFunction(() => window.__interactiveAt !== undefined, null, { timeout: 60000, polling: 100 });
    interactive = await page.evaluate(() => window.__interactiveAt);
  } catch {
    interactive = null;
  }
  await page.waitForLoadState('load');
  const result = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation');
    const resources = performance.getEntriesByType('resource');
    const bytes = navigation.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0);
    return { dcl: navigation.domContentLoadedEventEnd, bytes };
  });
  await context.close();
  return { ...result, interactive };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

for (const [name, path, cookie] of [
  ['resident: document with the comment form open', residentPath, null],
  ['staff: consultation dashboard', staffPath, staffCookie],
]) {
  const runs = [];
  for (let i = 0; i < 3; i += 1) runs.push(await load(path, cookie));
  const interactive = runs.every((r) => r.interactive !== null) ? `${(median(runs.map((r) => r.interactive)) / 1000).toFixed(2)} s` : 'never';
  console.log(`| ${name} | ${(median(runs.map((r) => r.dcl)) / 1000).toFixed(2)} s | ${interactive} | ${median(runs.map((r) => r.bytes)).toLocaleString('en')} |`);
}
await browser.close();
