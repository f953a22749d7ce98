// A small JavaScript tokenizer, enough to read test files without running them: strings (decoded), template
// literals without substitutions, identifiers, numbers and punctuation; comments and regex literals are dropped.
const PUNCT = ['===', '!==', '=>', '==', '!=', '&&', '||', '...', '+=', '-=', '<=', '>=', '++', '--'];
const REGEX_AFTER = new Set(['(', ',', '=', ':', '[', '!', '&&', '||', '?', '{', '}', ';', '=>', 'return']);
const ESCAPES = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };

/** Tokens of `source` as {type: 'str'|'tmpl'|'ident'|'num'|'punct', value, line}; throws on what it cannot read. */
export function tokenize(source) {
  const tokens = [];
  let i = 0;
  let line = 1;
  const fail = why => { throw new Error(`line ${line}: ${why}`); };
  const push = (type, value) => tokens.push({ type, value, line });
  while (i < source.length) {
    const c = source[i];
    if (c === '\n') { line++; i++; continue; }
    if (/\s/.test(c)) { i++; continue; }
    if (source.startsWith('//', i)) { i = source.indexOf('\n', i); if (i < 0) break; continue; }
    if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) fail('unterminated comment');
      line += source.slice(i, end).split('\n').length - 1;
      i = end + 2;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      let value = '';
      let j = i + 1;
      let substituted = false;
      for (; j < source.length && source[j] !== c; j++) {
        if (source[j] === '\n') { if (c !== '`') fail('newline in string'); line++; }
        if (c === '`' && source.startsWith('${', j)) substituted = true;
        if (source[j] !== '\\') { value += source[j]; continue; }
        const e = source[++j];
        if (e === 'u' && source[j + 1] === '{') {
          const end = source.indexOf('}', j);
          value += String.fromCodePoint(parseInt(source.slice(j + 2, end), 16));
          j = end;
        } else if (e === 'u') { value += String.fromCharCode(parseInt(source.slice(j + 1, j + 5), 16)); j += 4; }
        else if (e === 'x') { value += String.fromCharCode(parseInt(source.slice(j + 1, j + 3), 16)); j += 2; }
        else if (e === '\n') line++;
        else value += ESCAPES[e] ?? e;
      }
      if (j >= source.length) fail('unterminated string');
      push(c === '`' ? (substituted ? 'tmpl-subst' : 'str') : 'str', value);
      i = j + 1;
      continue;
    }
    if (c === '/') {
      const prev = tokens.at(-1);
      if (!prev || REGEX_AFTER.has(prev.value) && prev.type !== 'str') {
        let j = i + 1;
        let inClass = false;
        for (; j < source.length; j++) {
          if (source[j] === '\\') { j++; continue; }
          if (source[j] === '\n') fail('newline in regex');
          if (source[j] === '[') inClass = true;
          else if (source[j] === ']') inClass = false;
          else if (source[j] === '/' && !inClass) break;
        }
        i = j + 1;
        while (/[a-z]/.test(source[i] ?? '')) i++;
        push('regex', '');
        continue;
      }
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(source.slice(i, i + 200));
    if (word) { push('ident', word[0]); i += word[0].length; continue; }
    const num = /^\d[\d._xXa-fA-F]*/.exec(source.slice(i, i + 50));
    if (num) { push('num', num[0]); i += num[0].length; continue; }
    const p = PUNCT.find(x => source.startsWith(x, i)) ?? c;
    push('punct', p);
    i += p.length;
  }
  return tokens;
}
