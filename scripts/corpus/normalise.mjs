// How an author label is compared, declared once here and in tests/corpus/real-pages/README.md (the C# side follows
// the README and can check itself against `author_normalised` in labels.json), and which labels need a person's look.

const SEPARATORS = /\s*(?:,\s*and\s+|,|;|\||&|、|\s+and\s+)\s*/u;
const MARKER = /^by\s+|^(?:著者|作者|筆者|文)\s*[:●]\s*/u;
const EDGE_PUNCTUATION = /^[\p{P}\s]+|[\p{P}\s]+$/gu;

/** An author string (a label, or a parser's names joined with ", ") as its comparable form: "name|name". */
export function normaliseAuthors(text) {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase()
    .split(SEPARATORS)
    .map(name => name.replace(MARKER, '').replace(EDGE_PUNCTUATION, ''))
    .filter(name => name !== '')
    .join('|');
}

/** Why an author label deserves a person's review before it is trusted (empty when it looks like plain names). */
export function authorConcerns(author, url) {
  if (author === null || author.trim() === '') return ['no author: the source asserts the page names none'];
  const concerns = [];
  const site = url ? new URL(url).hostname.replace(/^www\./, '').split('.').filter(p => p.length > 3)[0] : null;
  if (site && author.toLowerCase().includes(site.toLowerCase())) concerns.push(`contains the site name "${site}"`);
  if (/staff|desk|team|editor|submissions|contributors|redaktion|編集部/iu.test(author)) concerns.push('a staff, desk or team credit');
  if (/\b(?:associated press|reuters|afp|dpa|time|times|news|nation)\b/iu.test(author)) concerns.push('a publication or agency name');
  if (/https?:|www\.|@[\w-]+\.\w/iu.test(author)) concerns.push('a URL or e-mail address');
  if (/\d/u.test(author)) concerns.push('digits (a date?)');
  const count = re => (author.match(re) ?? []).length;
  if (/\p{Lu}{2}/u.test(author) && count(/\p{Lu}/gu) > 3 * count(/\p{Ll}/gu)) concerns.push('mostly capitals');
  if (/\n|·|｜|／|\||イラスト|訳|著|illustrat|photo/iu.test(author)) concerns.push('a line break, role word or unusual separator');
  if (author.length > 60) concerns.push('longer than 60 characters');
  return concerns;
}
