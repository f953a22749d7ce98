// Writes bench/fixtures/items.json: 50 articles as stored (metadata, a ~3 KB HTML body, two images each), the one
// input the C# rendering benchmarks and the npm `feed` reference both read. Deterministic: same file every run.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let seed = 20240305;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const words = ('harbour council storm ferry budget vote quay pilot station morning island repair fishing boats port ' +
  'authority weather closure advisory tuesday month waves metres vessel skipper week notice city chamber members ' +
  'debate schools roads water housing plan report residents meeting evening district library park bridge').split(' ');
const sentence = (n) => {
  const s = Array.from({ length: n }, () => pick(words)).join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
};
const paragraph = () => Array.from({ length: 5 }, () => sentence(10 + Math.floor(random() * 8))).join(' ');

const categories = ['Local', 'Weather', 'Politics', 'Transport', 'Business'];
const tags = ['storms', 'harbour', 'ferries', 'budget', 'council', 'roads', 'schools', 'housing'];
const authors = ['Ana Lima', 'Ben Okafor', 'Chloé Martin', 'Dev Patel'];
const items = [];
for (let i = 0; i < 50; i++) {
  let body = '';
  while (body.length < 3000) body += `<p>${paragraph()}</p>\n`;
  const published = new Date(Date.UTC(2024, 2, 5, 8, 30) - i * 3_600_000).toISOString().replace('.000', '');
  items.push({
    slug: `bench-article-${String(i).padStart(2, '0')}`,
    title: sentence(7).replace(/\.$/, ''),
    summary: sentence(20),
    authors: [authors[i % authors.length]],
    categories: [categories[i % categories.length]],
    tags: [tags[i % tags.length], tags[(i + 3) % tags.length]],
    published,
    updated: published,
    language: 'en',
    bodyHtml: body,
    images: [
      { file: 'photo-1.jpg', length: 48213 + i, contentType: 'image/jpeg', width: 1200, height: 800,
        caption: sentence(9), credit: authors[(i + 1) % authors.length], alt: sentence(6) },
      { file: 'photo-2.png', length: 91377 + i, contentType: 'image/png', width: 800, height: 600,
        caption: sentence(8), credit: 'Port Authority', alt: null },
    ],
  });
}
const out = fileURLToPath(new URL('../fixtures/items.json', import.meta.url));
writeFileSync(out, JSON.stringify({ origin: 'http://127.0.0.1:7071', items }, null, 1) + '\n');
console.log(`wrote ${items.length} items to ${out}`);
