import { useMemo } from 'react';
import { View } from '@tarojs/components';
import { qrMatrix, runsOf } from './qrMatrix';

import './QrCode.scss';

/**
 * A QR code drawn with Views (no canvas), so it looks the same in WeChat and in the browser.
 * Each row is a flex line of runs whose widths are shares of the row; the square box and the
 * white quiet zone around it come from QrCode.scss.
 */
export default function QrCode({ text, label }: { text: string; label: string }) {
  const rows = useMemo(() => qrMatrix(text).map(runsOf), [text]);
  const size = rows.length;
  return (
    <View className="qr-code" role="img" aria-label={label} data-modules={size}>
      <View className="qr-code__modules">
        {rows.map((runs, rowIndex) => (
          <View key={rowIndex} className="qr-code__row" style={{ height: `${100 / size}%` }}>
            {runs.map((run, runIndex) => (
              <View
                key={runIndex}
                className={run.dark ? 'qr-code__run qr-code__run--dark' : 'qr-code__run'}
                style={{ width: `${(run.length * 100) / size}%` }}
              />
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}
