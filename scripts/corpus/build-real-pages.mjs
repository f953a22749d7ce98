// Builds tests/corpus/real-pages/ from the three source repositories: every labelled page gzipped, labels.json, SOURCES.md
// and the counts in README.md; checks exceptions.json (written by a person) against the labels. Usage:
//   node scripts/corpus/build-real-pages.mjs [POSTLIGHT_GIT_DIR] [HTMLDATE_GIT_DIR] [FUNDUS_GIT_DIR] [OUT_DIR]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { gitTree } from './git-tree.mjs';
import { postlightPages } from './postlight.mjs';
import { htmldatePages } from './htmldate.mjs';
import { fundusPages } from './fundus.mjs';
import { authorConcerns, normaliseAuthors } from './normalise.mjs';
import { countsBlock, duplicates, sourcesMarkdown } from './report.mjs';

const [postlightDir = '/work/.mirror/postlight+parser/repo', htmldateDir = '/work/.mirror/adbar+htmldate/repo',
  fundusDir = '/work/.mirror/flairNLP+fundus/repo', out = 'tests/corpus/real-pages'] = process.argv.slice(2);

const sha256 = bytes => createHash('sha256').update(bytes).digest();

/** The split of a page, stated once (README.md quotes it): postlight's "--variant" fixtures stay with their site. */
const splitOf = name => (sha256(Buffer.from(name.replace(/--[^/]*(\.html)$/, '$1'), 'utf8'))[0] % 2 === 0 ? 'tune' : 'held-out');

// JSON with object keys sorted at every level, two-space indented, ending in a newline.
const sorted = value => (Array.isArray(value) ? value.map(sorted) : value && typeof value === 'object'
  ? Object.fromEntries(Object.keys(value).sort().map(k => [k, sorted(value[k])])) : value);
const json = value => `${JSON.stringify(sorted(value), null, 2)}\n`;

// Writes a page gzipped (-9, no name, mtime 0, OS byte 255 "unknown") unless the file there already holds the same bytes,
// so a rebuild with another zlib leaves committed pages alone.
function writePage(path, bytes) {
  if (existsSync(path) && gunzipSync(readFileSync(path)).equals(bytes)) return readFileSync(path).length;
  const gz = gzipSync(bytes, { level: 9 });
  gz[9] = 255;
  writeFileSync(path, gz);
  return gz.length;
}

const postlight = postlightPages(gitTree(postlightDir));
const htmldate = htmldatePages(gitTree(htmldateDir));
const fundus = fundusPages(gitTree(fundusDir));
const sources = [['postlight', postlight], ['htmldate', htmldate], ['fundus', fundus]];

const labels = {};
const sizes = {};
const hashes = {};
for (const [dir, { pages }] of sources) {
  mkdirSync(join(out, dir), { recursive: true });
  const names = new Set(pages.map(p => `${p.name}.gz`));
  for (const stale of readdirSync(join(out, dir)).filter(f => !names.has(f))) rmSync(join(out, dir, stale));
  sizes[dir] = { pages: 0, html: 0, gz: 0 };
  for (const page of pages) {
    const key = `${dir}/${page.name}.gz`;
    const bytes = page.bytes();
    const gz = writePage(join(out, key), bytes);
    Object.assign(sizes[dir], { pages: sizes[dir].pages + 1, html: sizes[dir].html + bytes.length, gz: sizes[dir].gz + gz });
    hashes[key] = sha256(bytes).toString('hex');
    const author = page.meta.author;
    labels[key] = { ...page.meta, sha256: hashes[key], split: splitOf(page.name),
      ...(typeof author === 'string' ? { author_normalised: normaliseAuthors(author) } : {}) };
  }
}

// exceptions.json is written by people; every entry must still match its label, and every author label that looks
// suspicious must have been looked at: either an exception or a "reviewed" entry saying why it stands.
const exceptionsPath = join(out, 'exceptions.json');
const { exceptions = [], reviewed = [] } = existsSync(exceptionsPath) ? JSON.parse(readFileSync(exceptionsPath, 'utf8')) : {};
const errors = [];
for (const entry of [...exceptions, ...reviewed]) {
  const page = labels[entry.page];
  if (!page) errors.push(`${entry.page}: no such page`);
  else if (JSON.stringify(page[entry.field]) !== JSON.stringify(entry.label)) {
    errors.push(`${entry.page}: ${entry.field} is ${JSON.stringify(page[entry.field])}, the entry says ${JSON.stringify(entry.label)}`);
  }
  if (!entry.reason) errors.push(`${entry.page}: ${entry.field}: no reason given`);
}
const looked = new Set([...exceptions, ...reviewed].map(e => `${e.page} ${e.field}`));
const unreviewed = Object.entries(labels)
  .filter(([, l]) => 'author' in l)
  .map(([key, l]) => ({ key, author: l.author, concerns: authorConcerns(l.author, l.url) }))
  .filter(c => c.concerns.length && !looked.has(`${c.key} author`));
for (const c of unreviewed) errors.push(`${c.key}: author ${JSON.stringify(c.author)} not reviewed: ${c.concerns.join('; ')}`);

const dupes = duplicates(labels, htmldate.report);
writeFileSync(join(out, 'labels.json'), json(labels));
writeFileSync(join(out, 'SOURCES.md'), sourcesMarkdown({ postlight: postlight.report, htmldate: htmldate.report, fundus: fundus.report, sizes, dupes }));
const readmePath = join(out, 'README.md');
if (existsSync(readmePath)) {
  const readme = readFileSync(readmePath, 'utf8');
  const block = /(<!-- counts:begin -->\n)[\s\S]*?(<!-- counts:end -->)/;
  if (!block.test(readme)) errors.push('README.md has no <!-- counts:begin --> … <!-- counts:end --> block');
  writeFileSync(readmePath, readme.replace(block, (_, a, b) => a + countsBlock(labels, sizes, exceptions) + b));
}

const mb = n => `${(n / 1e6).toFixed(2)} MB`;
for (const [dir, s] of Object.entries(sizes)) console.log(`${dir}: ${s.pages} pages, ${mb(s.html)} HTML, ${mb(s.gz)} gzipped`);
for (const e of errors) console.error(`error: ${e}`);
process.exit(errors.length ? 1 : 0);
