import { CODE128 } from 'jsbarcode/bin/barcodes/CODE128/index.js';
import { useT } from '../i18n/i18n-store';

/** Modules of quiet zone each side: the standard's minimum is 10. */
const QUIET = 10;

/** The bar pattern of `text` in Code 128 (JsBarcode's encoder), or null when it cannot be encoded. */
export function code128Modules(text: string): string | null {
  const encoder = new CODE128(text, {});
  return encoder.valid() ? encoder.encode().data : null;
}

/** A Code 128 barcode as SVG: one rectangle per bar, sized in modules, crisp at any print size. */
export function Barcode({ value, className }: { value: string; className?: string }) {
  const t = useT();
  const modules = code128Modules(value);
  if (!modules) return null;
  const bars: { x: number; width: number }[] = [];
  for (let i = 0; i < modules.length; i++) {
    if (modules[i] !== '1') continue;
    const last = bars.at(-1);
    if (last && last.x + last.width === i + QUIET) last.width += 1;
    else bars.push({ x: i + QUIET, width: 1 });
  }
  const width = modules.length + QUIET * 2;
  return (
    <svg
      className={className}
      viewBox={`0 0 ${width} 40`}
      preserveAspectRatio="none"
      role="img"
      aria-label={t('slip.barcode', { value })}
      shapeRendering="crispEdges"
      data-modules={modules}
    >
      <rect x={0} y={0} width={width} height={40} fill="#fff" />
      {bars.map((bar) => (
        <rect key={bar.x} x={bar.x} y={0} width={bar.width} height={40} fill="#000" />
      ))}
    </svg>
  );
}
