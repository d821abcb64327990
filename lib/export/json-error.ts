/**
 * Where JSON text stops being JSON, for import error messages.
 *
 * `JSON.parse` says what went wrong in words that differ between engines, and V8 gives no position at all
 * for the commonest case, a truncated file ("Unexpected end of JSON input"). This scanner is run only after
 * `JSON.parse` has failed; it walks the text with an explicit stack (no recursion, so a deeply nested file
 * cannot overflow the call stack) and reports the first offending offset with its line and column.
 */

export interface JsonProblem {
  /** UTF-16 offset of the first character that cannot be valid (text.length for a truncated file). */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  zh: string;
  en: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function describeChar(c: string): string {
  return c === '' ? '' : JSON.stringify(c);
}

/** The first problem in `text`, or null when it is valid JSON after all. */
export function locateJsonError(text: string): JsonProblem | null {
  const n = text.length;
  let i = 0;
  const stack: Array<'{' | '['> = [];
  // What the scanner expects next: a value, a key (after `{` or `,` in an object), or what follows a value.
  let mode: 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'after' = 'value';

  const problem = (zh: string, en: string, at = i): JsonProblem => ({ offset: at, ...lineAndColumn(text, at), zh, en });
  const truncated = () => problem('：文件意外结束，可能被截断', 'unexpected end of file; the file may be truncated', n);
  const unexpected = (expectedZh: string, expectedEn: string) => {
    const found = describeChar(text[i]);
    return problem(`：应为${expectedZh}，却遇到 ${found}`, `expected ${expectedEn}, found ${found}`);
  };
  const skipSpace = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  /** Scans a string starting at its opening quote; returns a problem or null. */
  const scanString = (): JsonProblem | null => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) return truncated();
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            if (i + 6 > n) return truncated();
            return problem('：\\u 后应为 4 位十六进制数', 'a \\u escape needs 4 hex digits');
          }
          i += 6;
        } else if ('"\\/bfnrt'.includes(e)) i += 2;
        else return problem(`：无效的转义 \\${e}`, `invalid escape \\${e}`);
        continue;
      }
      if (c < 0x20) return problem('：字符串中有未转义的控制字符', 'unescaped control character in a string');
      i++;
    }
    return problem('：字符串没有结束（缺少 "），可能被截断', 'unterminated string; the file may be truncated', n);
  };

  for (;;) {
    skipSpace();
    if (mode === 'after') {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (i >= n) return null;
        const extra = describeChar(text[i]);
        return problem(`：JSON 值之后还有多余内容 ${extra}`, `unexpected ${extra} after the JSON value`);
      }
      if (i >= n) return truncated();
      const c = text[i];
      if (c === ',') {
        i++;
        mode = top === '{' ? 'key' : 'value';
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        i++;
        stack.pop();
      } else {
        return top === '{' ? unexpected(' , 或 }', '"," or "}"') : unexpected(' , 或 ]', '"," or "]"');
      }
      continue;
    }
    if (i >= n) return truncated();
    const c = text[i];
    if (mode === 'key' || mode === 'key-or-close') {
      if (mode === 'key-or-close' && c === '}') {
        i++;
        stack.pop();
        mode = 'after';
        continue;
      }
      if (c !== '"') return unexpected('用双引号括起的键名', 'a double-quoted key');
      const bad = scanString();
      if (bad) return bad;
      skipSpace();
      if (i >= n) return truncated();
      if (text[i] !== ':') return unexpected(' :', '":"');
      i++;
      mode = 'value';
      continue;
    }
    // A value (or, right after `[`, the closing bracket).
    if (mode === 'value-or-close' && c === ']') {
      i++;
      stack.pop();
      mode = 'after';
      continue;
    }
    if (c === '{') {
      i++;
      stack.push('{');
      mode = 'key-or-close';
    } else if (c === '[') {
      i++;
      stack.push('[');
      mode = 'value-or-close';
    } else if (c === '"') {
      const bad = scanString();
      if (bad) return bad;
      mode = 'after';
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) return i + 1 >= n ? truncated() : problem('：数字格式错误', 'malformed number');
      i += m[0].length;
      mode = 'after';
    } else {
      const literal = ['true', 'false', 'null'].find((w) => w[0] === c);
      if (literal && text.startsWith(literal, i)) {
        i += literal.length;
        mode = 'after';
      } else if (literal && literal.startsWith(text.slice(i))) {
        return truncated();
      } else {
        return unexpected('一个 JSON 值', 'a JSON value');
      }
    }
  }
}
