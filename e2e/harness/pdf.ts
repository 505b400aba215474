// Reading a PDF Chromium printed, as a person would: its text with poppler's pdftotext, and its
// barcodes from a rendered image (poppler's pdftoppm, greyscale, 200 dpi) decoded by ZXing's
// JavaScript port. The barcode is read from pixels, not from the SVG it was drawn from.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from '@zxing/library';

const need = (tool: string) => {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${tool} is missing: apt-get install -y poppler-utils`, { cause: error });
  }
};

/** The PDF's text, layout kept (pdftotext -layout). */
export function pdfText(file: string): string {
  need('pdftotext');
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** How many pages the PDF has (pdfinfo). */
export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** A binary PGM (P5) as luminance bytes. */
function readPgm(file: string): { width: number; height: number; pixels: Uint8ClampedArray } {
  const data = readFileSync(file);
  const header: string[] = [];
  let at = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(data[at]!))) at++;
    if (data[at] === 0x23) {
      while (data[at] !== 0x0a) at++;
      continue;
    }
    let token = '';
    while (!/\s/.test(String.fromCharCode(data[at]!))) token += String.fromCharCode(data[at++]!);
    header.push(token);
  }
  at++; // the one whitespace byte after maxval
  if (header[0] !== 'P5' || header[3] !== '255')
    throw new Error(`not an 8-bit binary PGM: ${header.join(' ')}`);
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: new Uint8ClampedArray(data.subarray(at, at + width * height)) };
}

/** The Code 128 barcode on the PDF's first page, decoded from its pixels; null when none reads. */
export function decodeCode128(file: string): string | null {
  need('pdftoppm');
  const dir = mkdtempSync(join(tmpdir(), 'rd-pdf-'));
  try {
    execFileSync('pdftoppm', ['-r', '200', '-gray', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    const image = readdirSync(dir).find((name) => name.endsWith('.pgm'));
    if (!image) return null;
    const { width, height, pixels } = readPgm(join(dir, image));
    const reader = new MultiFormatReader();
    const hints = new Map<DecodeHintType, unknown>([
      [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128]],
      [DecodeHintType.TRY_HARDER, true],
    ]);
    reader.setHints(hints);
    try {
      const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, width, height)));
      return reader.decode(bitmap).getText();
    } catch {
      return null;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
