// JsBarcode's Code 128 encoder alone (jsbarcode ships no types for its deep modules): it turns
// text into the bar pattern; Barcode.tsx draws it as SVG in React (no DOM writes by the library,
// so nothing the Content-Security-Policy would refuse).
declare module 'jsbarcode/bin/barcodes/CODE128/index.js' {
  export class CODE128 {
    constructor(data: string, options: Record<string, unknown>);
    valid(): boolean;
    /** `data`: one character per module, "1" a bar, "0" a space, start and stop codes included. */
    encode(): { data: string; text: string };
  }
}
