import { View } from '@tarojs/components';
import { useMemo } from 'react';
import { encode } from 'uqr';
import './qr-code.scss';

/** Runs of equal modules in one row, so a row is a few boxes rather than one per module. */
function runs(row: boolean[]): Array<{ dark: boolean; length: number }> {
  const out: Array<{ dark: boolean; length: number }> = [];
  for (const dark of row) {
    const last = out[out.length - 1];
    if (last && last.dark === dark) last.length++;
    else out.push({ dark, length: 1 });
  }
  return out;
}

/**
 * A QR code drawn with plain views (no canvas, no image), so it renders the same in the mini program
 * and in H5. `label` is read by screen readers instead of the pattern.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { data, size } = useMemo(() => encode(text, { ecc: 'M', border: 2 }), [text]);
  return (
    <View className='qr-code' aria-label={label}>
      {data.map((row, y) => (
        <View key={y} className='qr-code__row' style={{ height: `${100 / size}%` }}>
          {runs(row).map((r, i) => (
            <View key={i} className={r.dark ? 'qr-code__dark' : 'qr-code__light'} style={{ width: `${(100 * r.length) / size}%` }} />
          ))}
        </View>
      ))}
    </View>
  );
}
