// Pulls a JSON value out of free model text (code fences, prose before or after), for servers
// that ignore response_format.

/** Parses `text` as JSON, else the first balanced `{…}` (or `[…]`) in it; undefined when there is none. */
export function extractJson(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    // fall through to scanning
  }
  const fenced = /```(?:json)?\s*\n([\s\S]*?)```/i.exec(trimmed);
  if (fenced) {
    try {
      return JSON.parse((fenced[1] ?? '').trim());
    } catch {
      // fall through
    }
  }
  for (let start = 0; start < trimmed.length; start++) {
    const c = trimmed[start];
    if (c !== '{' && c !== '[') continue;
    const end = balancedEnd(trimmed, start);
    if (end < 0) continue;
    try {
      return JSON.parse(trimmed.slice(start, end + 1));
    } catch {
      // try the next opening bracket
    }
  }
  return undefined;
}

/** Index of the bracket closing the one at `start`, honouring JSON strings; -1 if unbalanced. */
function balancedEnd(text: string, start: number): number {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') stack.push('}');
    else if (c === '[') stack.push(']');
    else if (c === '}' || c === ']') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}
