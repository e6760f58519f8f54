// What the end-to-end suites share besides the system itself: waiting for the site to catch up, and an
// editor's session on the CMS admin API.

/** Polls `check` until it holds; fails with `describe()` (what was seen) after `timeoutMs`. */
async function waitFor(check, { timeoutMs = 10_000, intervalMs = 100, describe = () => '' } = {}) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met in ${timeoutMs} ms${describe() ? `:\n${describe()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return Date.now() - started;
}

/** Logs in to the admin API; `request(path, method, body)` then calls it as that editor. */
async function adminSession(cmsUrl, credentials) {
  const login = await (
    await fetch(`${cmsUrl}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(credentials),
    })
  ).json();
  const headers = { Authorization: `Bearer ${login.data.token}`, 'Content-Type': 'application/json' };
  return {
    headers,
    async request(path, method = 'GET', body) {
      const res = await fetch(`${cmsUrl}${path}`, { method, headers, body: body && JSON.stringify(body) });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
  };
}

module.exports = { waitFor, adminSession };
