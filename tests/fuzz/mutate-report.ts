/**
 * Mutations of real reports for the fuzz harness (issue 12): fast-check arbitraries that draw a
 * *recipe* (which real report, which mutation, its parameters) and `applyRecipe`, which turns a
 * recipe into the bytes and file name of one hostile input. Recipes are small and printable, so a
 * failure is reported as its recipe plus the bytes it produced, and replayed from either.
 *
 * The mutation classes follow the hostile inputs of issue 12: bytes (truncation, inserted and
 * flipped bytes, invalid UTF-8), encodings (UTF-16 with and without BOM), numbers (full-width
 * digits, 400-digit cells, Infinity, 1e20, fractions, negatives, thousands separators), shape
 * (one-line bodies, deleted/duplicated/shuffled lines, rows of thousands of numbers), HTML (tables
 * and divs nested thousands deep, absurd rowspan/colspan), file names (a text under a PDF or DOCX
 * extension and back) and archives (a DOCX whose entry inflates far past any limit).
 */
import fc from 'fast-check';
import { docxBomb } from '../../lib/pipeline/hostile-inputs.fixture';

/** One real report the mutations start from: its file name (the extension decides the reader) and bytes. */
export interface BaseReport {
  name: string;
  bytes: Uint8Array;
}

/** The mutation classes, by name (a recipe's `kind`). */
export const MUTATION_KINDS = [
  'truncate',
  'insert-bytes',
  'flip-bytes',
  'utf16',
  'fullwidth-digits',
  'odd-number',
  'one-line',
  'drop-lines',
  'duplicate-lines',
  'shuffle-lines',
  'long-row',
  'deep-html',
  'span-attributes',
  'rename',
  'docx-bomb',
] as const;

/** A mutation class. */
export type MutationKind = (typeof MUTATION_KINDS)[number];

/**
 * One fuzz input as drawn: the index of its base report, the mutation, and the mutation's numbers
 * (`at`: positions as fractions 0–1 of the text or bytes; `n`: a count; `pick`: a choice among the
 * variants of the mutation). Applying the same recipe to the same bases gives the same bytes.
 */
export interface Recipe {
  base: number;
  kind: MutationKind;
  at: number[];
  n: number;
  pick: number;
}

/** Numbers a table cell cannot hold, and separators that must not shift a row (issue 12). */
const ODD_NUMBERS = ['9'.repeat(400), 'Infinity', '1e20', '3.5', '-7', '1,234', '1 234', '１２', '0x1F', 'NaN', '٣'];
/** Extensions a file can be renamed to: each sends it to another reader. */
const EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.pdf', '.docx', '.doc', ''];

/** The arbitrary of recipes over `baseCount` reports; `maxRow` caps the long-row count (30,000 in the issue). */
export function recipeArbitrary(baseCount: number, maxRow = 30_000): fc.Arbitrary<Recipe> {
  return fc.record({
    base: fc.nat({ max: baseCount - 1 }),
    kind: fc.constantFrom(...MUTATION_KINDS),
    at: fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 1, maxLength: 6 }),
    n: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: maxRow })),
    pick: fc.nat({ max: 1000 }),
  });
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** Whether a base is read as text (its mutations work on characters) rather than as a binary container. */
function isTextBase(name: string): boolean {
  return /\.(txt|md|html?|)$/i.test(name);
}

/** `name` with its extension replaced by `ext`. */
function withExtension(name: string, ext: string): string {
  return name.replace(/\.[a-z0-9]+$/i, '') + ext;
}

/** The input a recipe makes from `bases`: the file name and bytes to read. Never throws for a valid recipe. */
export function applyRecipe(recipe: Recipe, bases: readonly BaseReport[]): BaseReport {
  const base = bases[recipe.base % bases.length];
  if (recipe.kind === 'docx-bomb') return { name: withExtension(base.name, '.docx'), bytes: cachedDocxBomb() };
  if (recipe.kind === 'rename') return { name: withExtension(base.name, EXTENSIONS[recipe.pick % EXTENSIONS.length]), bytes: base.bytes };
  const byteMutation = BYTE_MUTATIONS[recipe.kind as keyof typeof BYTE_MUTATIONS];
  if (byteMutation || !isTextBase(base.name)) {
    const mutate = byteMutation ?? BYTE_MUTATIONS['flip-bytes'];
    return { name: base.name, bytes: mutate(base.bytes, recipe) };
  }
  const text = decoder.decode(base.bytes);
  const mutateText = TEXT_MUTATIONS[recipe.kind as keyof typeof TEXT_MUTATIONS];
  return { name: base.name, bytes: encoder.encode(mutateText(text, recipe, base.name)) };
}

/** Position `f` (0–1) within a length. */
function pos(f: number, length: number): number {
  return Math.min(length, Math.floor(f * length));
}

const BYTE_MUTATIONS = {
  truncate: (b: Uint8Array, r: Recipe) => b.slice(0, pos(r.at[0], b.length)),
  'insert-bytes': (b: Uint8Array, r: Recipe) => {
    let out = b;
    for (const f of r.at) {
      const p = pos(f, out.length);
      const junk = Uint8Array.from({ length: 1 + (r.pick % 7) }, (_, i) => (r.pick * 37 + i * 101 + 0x80) & 0xff);
      out = Uint8Array.from([...out.subarray(0, p), ...junk, ...out.subarray(p)]);
    }
    return out;
  },
  'flip-bytes': (b: Uint8Array, r: Recipe) => {
    const out = b.slice();
    for (const f of r.at) if (out.length) out[pos(f, out.length - 1)] ^= 1 << (r.pick % 8);
    return out;
  },
  utf16: (b: Uint8Array, r: Recipe) => {
    const text = decoder.decode(b);
    const body = Buffer.from(text, 'utf16le');
    return r.pick % 2 === 0 ? Uint8Array.from(body) : Uint8Array.from([0xff, 0xfe, ...body]);
  },
} satisfies Record<string, (b: Uint8Array, r: Recipe) => Uint8Array>;

type TextMutationKind = Exclude<MutationKind, keyof typeof BYTE_MUTATIONS | 'rename' | 'docx-bomb'>;

const TEXT_MUTATIONS: Record<TextMutationKind, (text: string, r: Recipe, name: string) => string> = {
  'fullwidth-digits': (t, r) => {
    // Every digit from a drawn position on, for a stretch of `n` characters, in full width.
    const from = pos(r.at[0], t.length);
    const to = Math.min(t.length, from + r.n * 50);
    return t.slice(0, from) + t.slice(from, to).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) + t.slice(to);
  },
  'odd-number': (t, r) => {
    // Replace the k-th number of the text (k drawn) by a value no table can hold; for odd picks,
    // only numbers on lines that hold three or more (table rows) are drawn from.
    const all = [...t.matchAll(/\d+/g)];
    const rowLines = new Set(t.split('\n').map((line, i) => ((line.match(/\d+/g) ?? []).length >= 3 ? i : -1)));
    const lineOf = (index: number) => t.slice(0, index).split('\n').length - 1;
    const inRows = r.pick % 2 ? all.filter((m) => rowLines.has(lineOf(m.index))) : [];
    const numbers = inRows.length ? inRows : all;
    if (numbers.length === 0) return t;
    const m = numbers[pos(r.at[0], numbers.length - 1)];
    const odd = ODD_NUMBERS[r.pick % ODD_NUMBERS.length];
    return t.slice(0, m.index) + odd + t.slice(m.index + m[0].length);
  },
  'one-line': (t, r) => t.replace(/\r?\n/g, r.pick % 2 ? '' : ' '),
  'drop-lines': (t, r) => {
    const lines = t.split('\n');
    const drop = new Set(r.at.map((f) => pos(f, lines.length - 1)));
    return lines.filter((_, i) => !drop.has(i)).join('\n');
  },
  'duplicate-lines': (t, r) => {
    const lines = t.split('\n');
    const i = pos(r.at[0], lines.length - 1);
    const copies = Array.from({ length: Math.min(r.n, 2000) }, () => lines[i]);
    return [...lines.slice(0, i + 1), ...copies, ...lines.slice(i + 1)].join('\n');
  },
  'shuffle-lines': (t, r) => {
    const lines = t.split('\n');
    for (const f of r.at) {
      const a = pos(f, lines.length - 1);
      const b = (a + r.pick) % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
    }
    return lines.join('\n');
  },
  'long-row': (t, r, name) => {
    // A row of `n` numbers after the first table row label found (or at the end).
    const numbers = Array.from({ length: r.n }, (_, i) => String((i * 7 + r.pick) % 100)).join(/\.html?$/i.test(name) ? '</td><td>' : ' ');
    const at = t.search(/本年新收|新收政府信息公开申请/);
    const p = at < 0 ? t.length : t.indexOf('\n', at) < 0 ? t.length : t.indexOf('\n', at);
    return t.slice(0, p) + (/\.html?$/i.test(name) ? `<table><tr><td>本年新收</td><td>${numbers}</td></tr></table>` : ` ${numbers}`) + t.slice(p);
  },
  'deep-html': (t, r) => {
    const depth = Math.min(r.n, 10_000);
    const [open, close] = r.pick % 2 ? ['<table><tr><td>', '</td></tr></table>'] : ['<div>', '</div>'];
    return `<html><body>${open.repeat(depth)}${t}${close.repeat(depth)}</body></html>`;
  },
  'span-attributes': (t, r) => {
    const values = ['0', '-1', '999999', 'abc', '2147483648', '1e9', ''];
    let k = 0;
    return t.replace(/(rowspan|colspan)="[^"]*"/gi, (_, attr: string) => `${attr}="${values[(r.pick + k++) % values.length]}"`);
  },
};

/**
 * The DOCX bomb of issue 12 (lib/pipeline/hostile-inputs.fixture.ts docxBomb: a well-formed
 * package whose word/document.xml inflates to 200 MB from a few hundred KB), built once per run.
 */
let bomb: Uint8Array | null = null;
function cachedDocxBomb(): Uint8Array {
  bomb ??= new Uint8Array(docxBomb(200).bytes);
  return bomb;
}
