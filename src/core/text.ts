// Small text facts shared by every stage: Han characters, offsets, word counts.

/** Matches one Han (CJK unified ideograph) character, including extensions. */
export const HAN = /\p{Script=Han}/u;

/** Global variant of HAN for counting. */
export const HAN_GLOBAL = /\p{Script=Han}/gu;

/** Number of Han characters in `text`. */
export function countHan(text: string): number {
  return text.match(HAN_GLOBAL)?.length ?? 0;
}

/** Number of English words (runs of letters/digits with inner apostrophes or hyphens). */
export function countEnglishWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.filter((w) => !HAN.test(w)).length ?? 0;
}

/** Converts a 0-based UTF-16 offset into a 1-based line and column (columns in UTF-16 units). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
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
