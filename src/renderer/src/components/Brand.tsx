import { cx } from '../lib/cx';

/** The app's mark and name, in the header and on the first-run screen. */
export function Brand({ dark }: { dark?: boolean }) {
  return (
    <div className={cx('brand', dark && 'brand-dark')}>
      <span className="brand-mark" aria-hidden="true">
        <bdi>RD</bdi>
      </span>
      {/* The product's name: the same in every language, isolated like any name. */}
      <bdi className="brand-name">ReturnDesk</bdi>
    </div>
  );
}
