// The rendering reference: npm `feed` (jpmonette/feed 6.0.0) building the same 50 items as the C# benchmarks
// (bench/fixtures/items.json, each item's HTML composed the way ItemContent does: lead figure, body, other figures),
// timed with process.hrtime after warm-up. Prints one JSON line per format: mean and median microseconds, output bytes.
// usage: node bench/node/render.mjs [iterations=1000] [warmup=300]
import { readFileSync } from 'node:fs';
import { Feed } from 'feed';

const { origin, items } = JSON.parse(readFileSync(new URL('../fixtures/items.json', import.meta.url), 'utf8'));
const iterations = Number(process.argv[2] ?? 1000);
const warmup = Number(process.argv[3] ?? 300);
const api = `${origin}/api`;
const encode = (s) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const imageUrl = (slug, file) => `${api}/images/${encodeURIComponent(slug)}/${encodeURIComponent(file)}`;
const figure = (slug, i) =>
  `<figure><img src="${encode(imageUrl(slug, i.file))}" alt="${encode(i.alt ?? i.caption)}" width="${i.width}" height="${i.height}">` +
  (i.caption || i.credit ? `<figcaption>${encode(i.caption)}${i.credit ? ` <small>${encode(i.credit)}</small>` : ''}</figcaption>` : '') +
  '</figure>\n';

function build() {
  const feed = new Feed({
    id: 'urn:uuid:6b1ac5a4-2b4f-5c1e-8f3a-2d9e7c1b0a11',
    title: 'Syndication',
    description: 'The latest articles',
    link: `${api}/`,
    language: 'en',
    updated: new Date(items[0].updated),
    generator: 'Syndication',
    feedLinks: { rss: `${api}/feeds/all.rss`, atom: `${api}/feeds/all.atom`, json: `${api}/feeds/all.json` },
    author: { name: 'Syndication' },
    stylesheet: `${api}/feeds/feed.xsl`,
  });
  for (const a of items) {
    const [lead, ...rest] = a.images;
    feed.addItem({
      title: a.title,
      id: `${api}/articles/${a.slug}`,
      link: `${api}/articles/${a.slug}`,
      description: a.summary,
      content: figure(a.slug, lead) + a.bodyHtml + rest.map((i) => figure(a.slug, i)).join(''),
      date: new Date(a.updated),
      published: new Date(a.published),
      author: a.authors.map((name) => ({ name })),
      category: [...a.categories, ...a.tags].map((name) => ({ name })),
      enclosure: { url: imageUrl(a.slug, lead.file), length: lead.length, type: lead.contentType },
    });
  }
  return feed;
}

const formats = { rss: (f) => f.rss2(), atom: (f) => f.atom1(), json: (f) => f.json1() };
for (const [format, render] of Object.entries(formats)) {
  let bytes = 0;
  for (let i = 0; i < warmup; i++) bytes = Buffer.byteLength(render(build()));
  const samples = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    render(build());
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  const sorted = Array.from(samples).sort((x, y) => x - y);
  const mean = sorted.reduce((s, x) => s + x, 0) / sorted.length;
  console.log(JSON.stringify({ reference: 'npm feed 6.0.0', format, items: items.length, iterations,
    meanMicroseconds: +mean.toFixed(1), medianMicroseconds: +sorted[sorted.length >> 1].toFixed(1), outputBytes: bytes }));
}
