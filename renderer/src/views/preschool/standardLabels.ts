/** A line series as the 历年趋势 chart has it: a name and, when the year's rubric has one, a standard line. */
interface WithStandard {
  name: string
  markLine?: { data: { yAxis: number | null }[]; label?: object }
}

/**
 * Makes the 历年趋势 chart's standard lines readable at any width: each label goes inside the plot at the
 * line's right end, in full (「普惠性幼儿园覆盖率标准 ≥80%」, not cut at the plot's edge), above its line —
 * or under it when the label of a higher standard would otherwise overlap (85% and 80% lie 5 points apart),
 * or at the left end when neither fits.
 * `labelPoints` is a label's height in axis points (a 250px plot of 0–100% fits 16px labels in about 7).
 * Returns a new option; the input is not changed.
 */
export function readableStandardLabels<T extends { series: WithStandard[] }>(option: T, labelPoints = 7): T {
  const lines = option.series
    .map((s, index) => ({ index, value: s.markLine?.data[0]?.yAxis ?? null }))
    .filter((l): l is { index: number; value: number } => l.value !== null)
    .sort((a, b) => b.value - a.value)
  // per end of the plot, the lowest point a label placed there so far reaches; descending, so each new label
  // only has to clear the one above it
  const floor = { End: Infinity, Start: Infinity }
  const position = new Map<number, string>()
  for (const l of lines) {
    let placed = 'insideEndBottom'
    for (const side of ['End', 'Start'] as const) {
      if (l.value + labelPoints <= floor[side]) {
        placed = `inside${side}Top`
        floor[side] = l.value
        break
      }
      if (l.value <= floor[side]) {
        placed = `inside${side}Bottom`
        floor[side] = l.value - labelPoints
        break
      }
    }
    position.set(l.index, placed)
  }
  return {
    ...option,
    series: option.series.map((s, index) =>
      s.markLine
        ? {
            ...s,
            markLine: {
              ...s.markLine,
              label: {
                position: position.get(index),
                formatter: `${s.name}标准 ≥{c}%`,
                fontSize: 11,
                color: '#606266',
                backgroundColor: 'rgba(255,255,255,0.85)',
                padding: [1, 4],
              },
            },
          }
        : s,
    ),
  }
}
