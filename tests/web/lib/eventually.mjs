// Waiting in the browser tests for what the widget does asynchronously (frames, the mirror's live
// region that speaks after a short delay, requests): poll a reading until a check holds, and say
// what was last seen when it never does.

// Polls `read` every 50 ms until `check(value)` holds and returns that value; throws naming `what`
// and the last value after `timeoutMs`.
export async function eventually(read, check, what, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let value;
  for (;;) {
    value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: last saw ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// The text of the accessibility mirror's live region (role status) inside `region`.
export const statusText = (region) => region.getByRole('status').textContent();

// Waits until the live region reads `expected`: the exact text, or a RegExp it matches.
export const expectStatus = (region, expected) =>
  eventually(() => statusText(region), (t) => (expected instanceof RegExp ? expected.test(t) : t === expected), `status "${expected}"`);
