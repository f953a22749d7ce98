// Writes the 50 fixture articles (bench/fixtures/items.json) as publishable JSON documents with two real images
// each (the sample article's photo-1.jpg and photo-2.png), into the folder given: what bench/serve.sh publishes.
// usage: node bench/node/articles.mjs OUT-DIR
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
if (!out) throw new Error('usage: node bench/node/articles.mjs OUT-DIR');
const root = new URL('../../', import.meta.url);
const { items } = JSON.parse(readFileSync(new URL('bench/fixtures/items.json', root), 'utf8'));
const images = new URL('samples/articles/000_11b3e0eb4ad0bcf4/', root);
mkdirSync(out, { recursive: true });
for (const a of items) {
  const doc = {
    title: a.title, summary: a.summary, authors: a.authors, published: a.published, categories: a.categories,
    tags: a.tags, language: a.language, body_html: a.bodyHtml,
    images: a.images.map(({ file, caption, credit, alt }) => ({ file, caption, credit, alt })),
  };
  writeFileSync(join(out, `${a.slug}.json`), JSON.stringify(doc, null, 1));
  mkdirSync(join(out, a.slug), { recursive: true });
  for (const i of a.images) copyFileSync(new URL(i.file, images), join(out, a.slug, i.file));
}
console.log(`wrote ${items.length} articles to ${out}`);
