// Renders the ratios as a horizontal bar chart in plain SVG (no image service, no dependency).
// Log scale: the ratios run from below 1x (W6: faster than the main-thread baseline) to several
// hundred x; the axis starts at the power of ten at or below the smallest ratio.

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderChart(results, ours) {
  const rowHeight = 18;
  const labelWidth = 300;
  const barWidth = 460;
  const maxRatio = Math.max(10, ...results.map((r) => r.ratio));
  const minRatio = Math.min(0.5, 10 ** Math.floor(Math.log10(Math.min(...results.map((r) => r.ratio)))));
  const scale = (ratio) => (Math.log10(Math.max(ratio, minRatio) / minRatio) / Math.log10(maxRatio / minRatio)) * barWidth;
  const rows = [];
  let y = 40;
  let lastWorkload;
  for (const r of results) {
    if (r.workload !== lastWorkload) {
      y += 8;
      rows.push(`<text x="4" y="${y + 12}" font-weight="bold">${escape(r.workload.id)}</text>`);
      y += rowHeight;
      lastWorkload = r.workload;
    }
    const width = Math.max(1, scale(r.ratio));
    const fill = ours(r.name) ? '#2f7de1' : r.name.includes('hand-written') ? '#7a7a7a' : '#e0892f';
    rows.push(`<text x="${labelWidth - 6}" y="${y + 12}" text-anchor="end">${escape(r.name)}</text>`);
    rows.push(`<rect x="${labelWidth}" y="${y + 2}" width="${width.toFixed(1)}" height="${rowHeight - 5}" fill="${fill}"/>`);
    rows.push(`<text x="${(labelWidth + width + 4).toFixed(1)}" y="${y + 12}">${r.timedOut ? '> ' : ''}${r.timedOut ? r.ratio.toFixed(0) : r.ratio.toFixed(2)}x${r.timedOut ? ' (did not finish)' : ''}</text>`);
    y += rowHeight;
  }
  const ticks = [0.1, 0.2, 0.5, 1, 2, 5, 10, 100, 1000].filter((t) => t >= minRatio && t <= maxRatio);
  const grid = ticks
    .map((t) => {
      const x = (labelWidth + scale(t)).toFixed(1);
      return `<line x1="${x}" y1="38" x2="${x}" y2="${y}" stroke="#ddd"/><text x="${x}" y="34" text-anchor="middle" fill="#666">${t}x</text>`;
    })
    .join('');
  const height = y + 30;
  const legend = `<g transform="translate(${labelWidth},${y + 10})"><rect width="10" height="10" fill="#2f7de1"/><text x="14" y="9">rxjs-asyncer</text><rect x="110" width="10" height="10" fill="#e0892f"/><text x="124" y="9">peers</text><rect x="180" width="10" height="10" fill="#7a7a7a"/><text x="194" y="9">hand-written</text></g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 190}" height="${height}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="#fff"/>
<text x="4" y="14" font-weight="bold">Time as a multiple of the hand-written baseline (log scale, lower is better)</text>
${grid}
${rows.join('\n')}
${legend}
</svg>
`;
}
