import { apertiumProvider } from '../src/translation/providers/apertium';
import { azureProvider } from '../src/translation/providers/azure';
import { deeplProvider } from '../src/translation/providers/deepl';
import { ProviderError } from '../src/translation/providers/provider';
import { fragmentsOf, textOf } from '../src/translation/article-text';
import type { Block } from '../src/translation/blocks-html';

// The three providers on their wire protocols: Apertium for real, Azure Translator v3 and DeepL v2
// against stand-ins that check each request as the services do (e2e/helpers/translation-services.js).
const services = require('../../e2e/helpers/translation-services');

type StandIn = {
  url: string;
  translations: () => { query: Record<string, string>; headers: Record<string, string>; body: string }[];
  failNext: (status: number, times?: number, headers?: Record<string, string>) => void;
  reset: () => void;
  close: () => Promise<void>;
};

const paragraph = (...children: Block['children'] & object[]): Block => ({ type: 'paragraph', children });
const FAST = { timeoutMs: 5_000 };

/** An article's words as the Document Service reads them: emphasis, a link, a list, a figure, a note. */
const ARTICLE = textOf({
  title: 'Council approves night ferry trial in Port Halden',
  standfirst: 'Boats will cross to Westbank until 2am.',
  body: [
    {
      __component: 'content.rich-text',
      body: [
        paragraph(
          { type: 'text', text: 'The ' },
          { type: 'text', text: 'harbour committee', bold: true },
          { type: 'text', text: ' voted on ' },
          { type: 'link', url: 'https://example.com/minutes', children: [{ type: 'text', text: 'Tuesday night', italic: true }] },
          { type: 'text', text: ' & agreed.' },
        ),
        { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'Fares stay the same' }] }] },
        { type: 'code', children: [{ type: 'text', text: 'const fares = 0;' }] },
      ],
    },
    { __component: 'media.figure', caption: 'The ferry at dusk', alt: 'A ferry crossing the harbour' },
  ],
  cover: { caption: 'The quay', alt: 'Boats at the quay' },
  gallery: [],
  editorsNote: { label: 'Note', body: [paragraph({ type: 'text', text: 'This story was updated.' })] },
  corrections: [{ text: 'An earlier version gave the wrong date.' }],
});

describe('an article as fragments', () => {
  it('sends headline, standfirst, paragraphs, list items, captions, alt text, the note and corrections, never code or addresses', () => {
    const { fragments } = fragmentsOf(ARTICLE);
    expect(fragments).toEqual([
      'Council approves night ferry trial in Port Halden',
      'Boats will cross to Westbank until 2am.',
      'The <b>harbour committee</b> voted on <a id="l0"><i>Tuesday night</i></a> &amp; agreed.',
      'Fares stay the same',
      'The ferry at dusk',
      'A ferry crossing the harbour',
      'The quay',
      'Boats at the quay',
      'Note',
      'This story was updated.',
      'An earlier version gave the wrong date.',
    ]);
    expect(fragments.join(' ')).not.toContain('example.com');
    expect(fragments.join(' ')).not.toContain('const fares');
  });

  it('puts the translations back in place, with emphasis and the link to its address, and leaves the original alone', () => {
    const { fragments, rebuild } = fragmentsOf(ARTICLE);
    const translated = rebuild(fragments.map((fragment) => services.standInTranslation(fragment, 'es', /$^/)));
    expect(translated.title).toBe('[es] COUNCIL APPROVES NIGHT FERRY TRIAL IN PORT HALDEN');
    const body = translated.body[0];
    expect(body.__component === 'content.rich-text' && body.body?.[0].children).toEqual([
      { type: 'text', text: '[es] THE ' },
      { type: 'text', text: 'HARBOUR COMMITTEE', bold: true },
      { type: 'text', text: ' VOTED ON ' },
      { type: 'link', url: 'https://example.com/minutes', children: [{ type: 'text', text: 'TUESDAY NIGHT', italic: true }] },
      { type: 'text', text: ' & AGREED.' },
    ]);
    expect(body.__component === 'content.rich-text' && body.body?.[2]).toEqual({
      type: 'code',
      children: [{ type: 'text', text: 'const fares = 0;' }],
    });
    expect(translated.body[1]).toEqual({
      __component: 'media.figure',
      caption: '[es] THE FERRY AT DUSK',
      alt: '[es] A FERRY CROSSING THE HARBOUR',
    });
    expect(translated.corrections).toEqual([{ text: '[es] AN EARLIER VERSION GAVE THE WRONG DATE.' }]);
    expect(ARTICLE.title).toBe('Council approves night ferry trial in Port Halden');
  });
});

describe('Apertium (apertium-apy, for real)', () => {
  let apertium: { url: string; stop: () => Promise<void> };
  beforeAll(async () => {
    apertium = await services.startApertium({ port: 27_000 + (process.pid % 1000) });
  });
  afterAll(async () => {
    await apertium?.stop();
  });

  it('offers the installed pairs from English: Spanish and Catalan', async () => {
    const targets = await apertiumProvider(apertium.url).targets('en');
    expect(targets).toEqual(expect.arrayContaining(['es', 'ca']));
    expect(await apertiumProvider(apertium.url).targets('zh')).toEqual([]);
  });

  it('translates into Spanish with markup kept and names left as they are', async () => {
    const provider = apertiumProvider(apertium.url);
    const [title, paragraphHtml] = await provider.translate(
      ['The new bridge in Port Halden opens today', 'The <b>old</b> market sells <a id="l0">fresh fish</a>.'],
      'en',
      'es',
      ['Port Halden'],
    );
    expect(title).toContain('Port Halden');
    expect(title).toMatch(/puente/i);
    expect(paragraphHtml).toMatch(/<b>[^<]+<\/b>/);
    expect(paragraphHtml).toMatch(/<a id="l0">[^<]+<\/a>/);
    expect(paragraphHtml).toMatch(/vende/);
  });

  it('reports a language pair it does not have, and a server that is down, as provider errors', async () => {
    await expect(apertiumProvider(apertium.url).translate(['Hello'], 'en', 'zh', [])).rejects.toThrow(ProviderError);
    const down = apertiumProvider('http://127.0.0.1:9', { timeoutMs: 1_000 });
    await expect(down.translate(['Hello'], 'en', 'es', [])).rejects.toMatchObject({ name: 'ProviderError', retryable: true });
  });
});

describe('Azure Translator v3 (stand-in)', () => {
  let azure: StandIn;
  beforeAll(async () => {
    azure = await services.azureStandIn({ key: 'azure-test-key', region: 'westeurope' });
  });
  beforeEach(() => azure.reset());
  afterAll(() => azure?.close());

  const provider = (key = 'azure-test-key') => azureProvider({ url: azure.url, key, region: 'westeurope', ...FAST });

  it('translates HTML into zh-Hans with its key and region, names marked notranslate and unmarked again', async () => {
    const [out] = await provider().translate(['Ferries leave <i>Port Halden</i> at dawn'], 'en', 'zh', ['Port Halden']);
    expect(out).toBe('[zh-Hans] FERRIES LEAVE <i>Port Halden</i> AT DAWN');
    const [request] = azure.translations();
    expect(request.query).toEqual({ 'api-version': '3.0', from: 'en', to: 'zh-Hans', textType: 'html' });
    expect(request.headers['ocp-apim-subscription-key']).toBe('azure-test-key');
    expect(JSON.parse(request.body)).toEqual([{ Text: 'Ferries leave <i><span class="notranslate">Port Halden</span></i> at dawn' }]);
  });

  it('lists its languages in the site’s codes', async () => {
    expect(await provider().targets('en')).toEqual(expect.arrayContaining(['es', 'zh', 'fr']));
    expect(await provider().targets('en')).not.toContain('en');
  });

  it('splits long input within 1,000 elements and 50,000 characters a request, keeping the order', async () => {
    const many = Array.from({ length: 2_300 }, (_, i) => `line ${i}`);
    const out = await provider().translate(many, 'en', 'es', []);
    expect(out).toHaveLength(2_300);
    expect(out[2_299]).toBe('[es] LINE 2299');
    expect(azure.translations().map((r) => JSON.parse(r.body).length)).toEqual([1_000, 1_000, 300]);

    azure.reset();
    const long = Array.from({ length: 12 }, (_, i) => `${i} ${'word '.repeat(2_000)}`);
    expect(await provider().translate(long, 'en', 'es', [])).toHaveLength(12);
    const sizes = azure
      .translations()
      .map((r) => JSON.parse(r.body).reduce((sum: number, item: { Text: string }) => sum + item.Text.length, 0));
    expect(sizes.length).toBeGreaterThan(1);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(50_000);
  });

  it('retries 429 and 5xx (honouring Retry-After) and then succeeds', async () => {
    azure.failNext(429, 1, { 'Retry-After': '1' });
    azure.failNext(503, 1);
    expect(await provider().translate(['tide'], 'en', 'es', [])).toEqual(['[es] TIDE']);
    expect(azure.translations()).toHaveLength(3);
  });

  it('gives up on a wrong key at once (401), and after three tries on an outage', async () => {
    await expect(provider('wrong-key').translate(['tide'], 'en', 'es', [])).rejects.toMatchObject({ status: 401, retryable: false });
    expect(azure.translations()).toHaveLength(1);
    azure.reset();
    azure.failNext(500, 3);
    await expect(provider().translate(['tide'], 'en', 'es', [])).rejects.toMatchObject({ status: 500, retryable: true });
    expect(azure.translations()).toHaveLength(3);
  });
});

describe('DeepL v2 (stand-in)', () => {
  let deepl: StandIn;
  beforeAll(async () => {
    deepl = await services.deeplStandIn({ key: 'deepl-test-key:fx' });
  });
  beforeEach(() => deepl.reset());
  afterAll(() => deepl?.close());

  const provider = (key = 'deepl-test-key:fx') => deeplProvider({ url: deepl.url, key, ...FAST });

  it('translates with its auth key, HTML tag handling and names marked translate="no"', async () => {
    const [out] = await provider().translate(['The <b>Corn Exchange</b> reopens'], 'en', 'zh', ['Corn Exchange']);
    expect(out).toBe('[ZH] THE <b>Corn Exchange</b> REOPENS');
    const body = JSON.parse(deepl.translations()[0].body);
    expect(body).toEqual({
      text: ['The <b><span translate="no">Corn Exchange</span></b> reopens'],
      source_lang: 'EN',
      target_lang: 'ZH',
      tag_handling: 'html',
    });
  });

  it('sends at most 50 texts a request and stays under 128 KiB even for Chinese text', async () => {
    const out = await provider().translate(
      Array.from({ length: 120 }, (_, i) => `${i} 港口`.repeat(200)),
      'zh',
      'en',
      [],
    );
    expect(out).toHaveLength(120);
    for (const request of deepl.translations()) {
      expect(JSON.parse(request.body).text.length).toBeLessThanOrEqual(50);
      expect(Buffer.byteLength(request.body)).toBeLessThanOrEqual(128 * 1024);
    }
  });

  it('turns a used-up quota (456) into a refusal, not a retry', async () => {
    deepl.failNext(456, 3);
    await expect(provider().translate(['tide'], 'en', 'es', [])).rejects.toMatchObject({ status: 456, retryable: false });
    expect(deepl.translations()).toHaveLength(1);
    await expect(provider('wrong').translate(['tide'], 'en', 'es', [])).rejects.toMatchObject({ status: 403, retryable: false });
  });
});
