// Translation services for the tests. Apertium runs for real (Debian's apertium-apy, on a port of its
// own). Azure Translator v3 and DeepL v2 cannot be reached from these machines, so stand-ins on loopback
// speak their documented protocols and check each request as the real services do: the address, the
// key, the body's shape and the per-request limits, answering their error codes and bodies otherwise.
// A stand-in "translates" by writing the text in capitals, prefixed with the target language, and leaves
// alone what it is told to (Azure: class="notranslate", DeepL: translate="no"), keeping the markup.
const { spawn, spawnSync } = require('node:child_process');
const http = require('node:http');

/**
 * Starts apertium-apy on `port`, serving every installed pair; resolves once it answers.
 * @param {{ port?: number }} [options]
 */
async function startApertium({ port = 2737 } = {}) {
  if (spawnSync('sh', ['-c', 'command -v apertium-apy']).status !== 0) {
    throw new Error(
      'apertium-apy is not installed (apt-get install apertium-apy apertium-eng-spa apertium-eng-cat; README, Machine translation)',
    );
  }
  const child = spawn('apertium-apy', ['-p', String(port), '/usr/share/apertium/modes'], { stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/listPairs`)).ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error(`apertium-apy exited with ${child.exitCode} (is port ${port} taken?)`);
    if (Date.now() > deadline) throw new Error('apertium-apy did not answer in 20 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}

/** Writes a stand-in translation of an HTML fragment: text in capitals except inside the `kept` elements. */
function standInTranslation(html, to, keptOpen) {
  let depth = 0;
  const out = html.replace(/(<[^>]*>)|([^<]+)/g, (all, tag, text) => {
    if (tag) {
      if (keptOpen.test(tag)) depth++;
      else if (depth > 0 && /^<\/span>$/.test(tag)) depth--;
      return tag;
    }
    return depth > 0 ? text : text.replace(/&[a-z]+;|&#\d+;|[^&]+/g, (part) => (part.startsWith('&') ? part : part.toUpperCase()));
  });
  return `[${to}] ${out}`;
}

/** Reads a request's body; `limit` bytes at most (more: null). */
function readBody(request, limit) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
  });
}

/**
 * A server on loopback with a log of what it was asked and a way to make it fail for a while:
 * `failNext(status, times, headers)` answers the next `times` translation requests with `status`.
 */
async function standIn(handle) {
  const state = { requests: [], failures: [] };
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url, 'http://stand-in');
    const send = (status, body, headers = {}) => {
      response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
      response.end(JSON.stringify(body));
    };
    const body = await readBody(request, 1_000_000);
    const entry = {
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      body,
    };
    state.requests.push(entry);
    await handle({ request, url, body, send, state, entry });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    /** The translation requests made so far. */
    translations: () => state.requests.filter((r) => r.translate),
    failNext(status, times = 1, headers = {}) {
      for (let i = 0; i < times; i++) state.failures.push({ status, headers });
    },
    reset() {
      state.requests.length = 0;
      state.failures.length = 0;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const AZURE_LANGUAGES = { es: 'Spanish', ca: 'Catalan', fr: 'French', de: 'German', 'zh-Hans': 'Chinese Simplified', en: 'English' };

/**
 * Azure AI Translator, REST v3: GET /languages, POST /translate?api-version=3.0&to=..&from=..&textType=html
 * with Ocp-Apim-Subscription-Key (and -Region when the resource is regional), a JSON array of {Text},
 * at most 1,000 elements and 50,000 characters.
 * @param {{ key: string, region?: string }} options
 */
function azureStandIn({ key, region }) {
  const error = (code, message) => ({ error: { code, message } });
  return standIn(async ({ request, url, body, send, state, entry }) => {
    if (request.method === 'GET' && url.pathname === '/languages') {
      if (url.searchParams.get('api-version') !== '3.0')
        return send(400, error(400021, 'The API version parameter is missing or invalid.'));
      return send(200, {
        translation: Object.fromEntries(
          Object.entries(AZURE_LANGUAGES).map(([code, name]) => [code, { name, nativeName: name, dir: 'ltr' }]),
        ),
      });
    }
    if (url.pathname !== '/translate') return send(404, error(404001, 'The requested resource was not found.'));
    if (request.method !== 'POST') return send(405, error(405000, 'The request method is not supported for the requested resource.'));
    entry.translate = true;
    if (url.searchParams.get('api-version') !== '3.0') return send(400, error(400021, 'The API version parameter is missing or invalid.'));
    if (request.headers['ocp-apim-subscription-key'] !== key) {
      return send(401, error(401000, 'The request is not authorized because credentials are missing or invalid.'));
    }
    if (region && request.headers['ocp-apim-subscription-region'] !== region) {
      return send(401, error(401015, 'The credentials are for a regional resource: the region header is missing or wrong.'));
    }
    const to = url.searchParams.getAll('to');
    if (to.length === 0 || to.some((code) => !AZURE_LANGUAGES[code]))
      return send(400, error(400036, 'The target language ("To" field) is missing or invalid.'));
    const from = url.searchParams.get('from');
    if (from && !AZURE_LANGUAGES[from]) return send(400, error(400035, 'The source language ("From" field) is not valid.'));
    if (!/^application\/json/.test(request.headers['content-type'] ?? ''))
      return send(415, error(415000, 'The Content-Type header is missing or invalid.'));
    let texts;
    try {
      texts = JSON.parse(body ?? '');
    } catch {
      return send(400, error(400074, 'The body of the request is not valid JSON.'));
    }
    if (!Array.isArray(texts) || texts.some((item) => typeof item?.Text !== 'string')) {
      return send(400, error(400074, 'The body of the request is not valid JSON.'));
    }
    if (texts.length > 1000) return send(400, error(400077, 'The maximum request size has been exceeded (1,000 elements).'));
    const characters = texts.reduce((sum, item) => sum + item.Text.length, 0) * to.length;
    if (characters > 50_000) return send(400, error(400077, 'The maximum request size has been exceeded (50,000 characters).'));
    const failure = state.failures.shift();
    if (failure) return send(failure.status, error(failure.status * 1000, 'Stand-in failure.'), failure.headers);
    const html = url.searchParams.get('textType') === 'html';
    send(
      200,
      texts.map((item) => ({
        ...(from ? {} : { detectedLanguage: { language: 'en', score: 1 } }),
        translations: to.map((code) => ({
          text: standInTranslation(item.Text, code, html ? /<span class="notranslate">/ : /$^/),
          to: code,
        })),
      })),
    );
  });
}

const DEEPL_TARGETS = ['ES', 'CA', 'FR', 'DE', 'ZH', 'EN-GB', 'EN-US'];

/**
 * DeepL API v2: GET /v2/languages?type=target, POST /v2/translate with `Authorization: DeepL-Auth-Key`,
 * a JSON body {text: [...], target_lang, source_lang?, tag_handling?}: at most 50 texts and 128 KiB.
 * 456: the quota is used up.
 * @param {{ key: string }} options
 */
function deeplStandIn({ key }) {
  return standIn(async ({ request, url, body, send, state, entry }) => {
    if (request.headers.authorization !== `DeepL-Auth-Key ${key}`) return send(403, { message: 'Authorization failure, check auth_key' });
    if (request.method === 'GET' && url.pathname === '/v2/languages') {
      return send(
        200,
        DEEPL_TARGETS.map((language) => ({ language, name: language, supports_formality: false })),
      );
    }
    if (url.pathname !== '/v2/translate') return send(404, { message: 'Not found' });
    if (request.method !== 'POST') return send(405, { message: 'Method not allowed' });
    entry.translate = true;
    if (body === null || Buffer.byteLength(body) > 128 * 1024) return send(413, { message: 'Request Entity Too Large' });
    let input;
    try {
      input = JSON.parse(body);
    } catch {
      return send(400, { message: 'Bad request. Reason: invalid JSON' });
    }
    if (!Array.isArray(input.text) || input.text.length === 0 || input.text.some((t) => typeof t !== 'string')) {
      return send(400, { message: "Bad request. Reason: Parameter 'text' not specified." });
    }
    if (input.text.length > 50) return send(400, { message: 'Bad request. Reason: Too many texts (at most 50).' });
    if (!DEEPL_TARGETS.includes(input.target_lang)) return send(400, { message: "Value for 'target_lang' not supported." });
    const failure = state.failures.shift();
    if (failure) return send(failure.status, { message: 'Stand-in failure.' }, failure.headers);
    const html = input.tag_handling === 'html';
    send(200, {
      translations: input.text.map((text) => ({
        detected_source_language: input.source_lang ?? 'EN',
        text: standInTranslation(text, input.target_lang, html ? /<span translate="no">/ : /$^/),
      })),
    });
  });
}

module.exports = { startApertium, azureStandIn, deeplStandIn, standInTranslation };
