// Anyone can post the public forms, so what a refused post leaves behind must stay small. A
// security review grew the release server from 106 MB to 468 MB with 200 anonymous posts of a
// 1.9 MB comment, because the form echo kept every byte for half an hour. Measured here on the
// release server that the browser tests use (its process id comes from scripts/test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BASE, DEMO_SLUG } from './helpers.js';

function residentMegabytes(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]);
  return kb / 1024;
}

test('200 anonymous posts of a 1.9 MB comment grow the server by less than 50 MB', async () => {
  const pid = process.env.INSPRAAK_SERVER_PID;
  assert.ok(pid, 'INSPRAAK_SERVER_PID is given');
  const huge = 'Lorem ipsum dolor sit amet. '.repeat(Math.floor(1_900_000 / 28));
  const body = new URLSearchParams({
    'form[consultation]': DEMO_SLUG, 'form[block]': '', 'form[body]': huge,
    'form[name]': '', 'form[organisation]': '', 'form[email]': '',
  }).toString();
  // As a plain form post with JavaScript off: refused (too long) back to the form with an echo.
  const post = () => fetch(`${BASE}/api/reageer`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', referer: `${BASE}/consultaties/${DEMO_SLUG}` },
    body,
  });
  const warm = await post();
  assert.equal(warm.status, 302, 'refused back to the form');
  const before = residentMegabytes(pid);
  for (let i = 0; i < 200; i += 1) {
    const response = await post();
    assert.equal(response.status, 302);
    assert.match(response.headers.get('location'), /formulier=/);
  }
  const after = residentMegabytes(pid);
  console.log(`server resident size: ${before.toFixed(1)} MB before, ${after.toFixed(1)} MB after 200 posts (+${(after - before).toFixed(1)} MB)`);
  assert.ok(after - before < 50, `grew by ${(after - before).toFixed(1)} MB`);
});
