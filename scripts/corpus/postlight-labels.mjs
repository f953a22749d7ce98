// Reads the labels postlight/parser's custom-extractor tests assert (title, author, date_published) without running
// them: a linear walk over the tokens that follows which fixture each `Mercury.parse` call read and which parse result
// each asserted variable came from. Every assertion on a labelled field that does not fit a known shape is reported.
import { tokenize } from './js-tokens.mjs';

const FIELDS = new Set(['title', 'author', 'date_published']);
const ASSERTS = new Set(['equal', 'strictEqual', 'deepEqual', 'deepStrictEqual']);
const UNKNOWN = { kind: 'unknown' };

/** Labels in one test file: {labels: [{fixture, url, field, value, granularity, line}], problems: [{field, line, why}]}. */
export function readTestFile(source) {
  const tokens = tokenize(source);
  const env = new Map();
  const labels = [];
  const problems = [];
  const text = (a, b) => tokens.slice(a, b).map(t => (t.type === 'str' ? JSON.stringify(t.value) : t.value)).join(' ');
  const is = (k, value) => tokens[k] && tokens[k].type !== 'str' && tokens[k].value === value;

  // The end (exclusive) of the expression starting at k: a `;` or `,` at depth 0, or a bracket closing an outer one.
  const endOf = k => {
    let depth = 0;
    for (; k < tokens.length; k++) {
      const v = tokens[k].type === 'punct' ? tokens[k].value : null;
      if (v === '(' || v === '[' || v === '{') depth++;
      else if (v === ')' || v === ']' || v === '}') { if (depth-- === 0) return k; }
      else if ((v === ';' || v === ',') && depth === 0) return k;
    }
    return k;
  };

  // The index of the bracket that closes the one opened at k.
  const closing = k => {
    let depth = 0;
    for (; k < tokens.length; k++) {
      const v = tokens[k].type === 'punct' ? tokens[k].value : null;
      if (v === '(' || v === '[' || v === '{') depth++;
      else if ((v === ')' || v === ']' || v === '}') && --depth === 0) return k;
    }
    throw new Error('unbalanced brackets');
  };

  // Splits tokens [a, b) at depth-0 commas.
  const args = (a, b) => {
    const out = [];
    for (let k = a; k < b;) { const e = Math.min(endOf(k), b); out.push([k, e]); k = e + 1; }
    return out;
  };

  // The value of tokens [a, b), when it has one of the shapes these tests use; otherwise UNKNOWN.
  const evaluate = (a, b) => {
    if (is(a, 'await')) a++;
    if (a >= b) return UNKNOWN;
    if (tokens[a].type === 'str') {
      let value = '';
      for (let k = a; k < b; k += 2) {
        if (tokens[k].type !== 'str' || (k + 1 < b && !is(k + 1, '+'))) return UNKNOWN;
        value += tokens[k].value;
      }
      return { kind: 'str', value };
    }
    if (b === a + 1 && (is(a, 'null') || is(a, 'undefined'))) return { kind: 'null' };
    if (b === a + 1 && tokens[a].type === 'ident') return env.get(tokens[a].value) ?? UNKNOWN;
    // fs.readFileSync('./fixtures/x.html'[, enc])[.toString()]
    if (is(a, 'fs') && is(a + 1, '.') && is(a + 2, 'readFileSync') && is(a + 3, '(') && tokens[a + 4].type === 'str') {
      const rest = text(closing(a + 3) + 1, b);
      if (rest === '' || rest === '. toString ( )') return { kind: 'fixture', path: tokens[a + 4].value.replace(/^\.\//, '') };
      return UNKNOWN;
    }
    // Mercury.parse(url, { html, ... })
    if (is(a, 'Mercury') && is(a + 1, '.') && is(a + 2, 'parse') && is(a + 3, '(') && closing(a + 3) === b - 1) {
      const [urlPart, optsPart] = args(a + 4, b - 1);
      const url = evaluate(...urlPart);
      let fixture = optsPart && !is(optsPart[0], '{') ? evaluate(...optsPart) : UNKNOWN;
      if (optsPart && is(optsPart[0], '{')) {
        for (const [p, q] of args(optsPart[0] + 1, closing(optsPart[0]))) {
          if (is(p, 'html') && q === p + 1) fixture = env.get('html') ?? UNKNOWN;
          else if (is(p, 'html') && is(p + 1, ':')) fixture = evaluate(p + 2, q);
        }
      }
      return { kind: 'parse', url: url.kind === 'str' ? url.value : null, fixture: fixture.kind === 'fixture' ? fixture.path : null, line: tokens[a].line };
    }
    // moment(x).format([fmt])[.split('T')[0]], or x.split('T')[0] on such a value
    let value = UNKNOWN;
    let k = a;
    if (is(a, 'moment') && is(a + 1, '(') && tokens[a + 2].type === 'ident' && is(a + 3, ')') && is(a + 4, '.') && is(a + 5, 'format') && is(a + 6, '(')) {
      const src = env.get(tokens[a + 2].value);
      const fmt = tokens[a + 7].type === 'str' ? tokens[a + 7].value : null;
      k = fmt === null ? a + 8 : a + 9;
      if (!is(k - 1, ')')) return UNKNOWN;
      value = fmt === 'YYYY-MM-DD' ? { kind: 'day', src } : fmt === null ? { kind: 'moment', src } : UNKNOWN;
    } else if (tokens[a].type === 'ident') {
      value = env.get(tokens[a].value) ?? UNKNOWN;
      k = a + 1;
    }
    if (k === b) return value;
    if (text(k, b) !== '. split ( "T" ) [ 0 ]') return UNKNOWN;
    if (value.kind === 'moment') return { kind: 'day', src: value.src };
    if (value.kind === 'field') return { kind: 'utc-day', src: value };
    return UNKNOWN;
  };

  // The labelled field whose variable appears in tokens [a, b), if any.
  const mentioned = (a, b) => {
    const hit = tokens.slice(a, b).map(t => (t.type === 'ident' ? env.get(t.value) : null))
      .map(v => (v?.kind === 'field' ? v.field : v?.src?.kind === 'field' ? v.src.field : null)).find(f => FIELDS.has(f));
    return hit ?? null;
  };

  for (let k = 0; k < tokens.length; k++) {
    // const { a, b: c } = await X
    if ((is(k, 'const') || is(k, 'let')) && is(k + 1, '{')) {
      const close = closing(k + 1);
      if (!is(close + 1, '=')) continue;
      const source = evaluate(close + 2, endOf(close + 2));
      for (const [p, q] of args(k + 2, close).filter(([p, q]) => q > p)) {
        const name = tokens[q - 1].value;
        const field = tokens[p].value;
        env.set(name, source.kind === 'parse' ? { kind: 'field', field, parse: source } : UNKNOWN);
      }
      k = close;
      continue;
    }
    // [const|let|var] x = EXPR
    if (tokens[k].type === 'ident' && is(k + 1, '=') && !is(k - 1, '.')) {
      env.set(tokens[k].value, evaluate(k + 2, endOf(k + 2)));
      continue;
    }
    // any other assertion that reads a labelled field is reported, never skipped silently
    if (is(k, 'assert') && !(is(k + 1, '.') && ASSERTS.has(tokens[k + 2]?.value))) {
      const open = is(k + 1, '(') ? k + 1 : is(k + 3, '(') ? k + 3 : null;
      if (open === null) continue;
      const close = closing(open);
      const field = mentioned(open, close);
      if (field) problems.push({ field, line: tokens[k].line, why: `assertion not read: ${text(k, close + 1)}` });
      k = close;
      continue;
    }
    // assert.equal(actual, expected)
    if (is(k, 'assert') && is(k + 1, '.') && ASSERTS.has(tokens[k + 2]?.value) && is(k + 3, '(')) {
      const close = closing(k + 3);
      const [actualPart, expectedPart] = args(k + 4, close);
      const actual = evaluate(...actualPart);
      const mentions = mentioned(...actualPart);
      const day = (actual.kind === 'day' || actual.kind === 'utc-day') && actual.src?.field === 'date_published';
      const label = actual.kind === 'field' && FIELDS.has(actual.field) ? { field: actual.field, of: actual, granularity: 'instant' }
        : day ? { field: 'date_published', of: actual.src, granularity: actual.kind === 'day' ? 'runner-day' : 'utc-day' } : null;
      if (!label) {
        if (mentions) problems.push({ field: mentions, line: tokens[k].line, why: `assertion not read: ${text(k, close + 1)}` });
        continue;
      }
      const expected = expectedPart ? evaluate(...expectedPart) : UNKNOWN;
      const parse = label.of.parse;
      if (expected.kind !== 'str' && expected.kind !== 'null') {
        problems.push({ field: label.field, line: tokens[k].line, why: `expected ${label.field} is not a literal: ${text(k, close + 1)}` });
      } else if (!parse.fixture) {
        problems.push({ field: label.field, line: tokens[k].line, why: `${label.field} asserted on a parse whose html is not a fixture file (parse at line ${parse.line})` });
      } else {
        labels.push({ fixture: parse.fixture, url: parse.url, field: label.field, value: expected.kind === 'str' ? expected.value : null,
          granularity: label.field === 'date_published' ? label.granularity : null, line: tokens[k].line });
      }
      k = close;
    }
  }
  return { labels, problems };
}
