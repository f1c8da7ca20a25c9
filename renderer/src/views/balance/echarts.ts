/**
 * ECharts, loaded on demand: only the parts the 优质均衡 charts use (bar charts, grid, tooltip, legend,
 * mark lines, the canvas renderer), in their own chunk fetched the first time a chart is drawn.
 */
export type EChartsOption = import('echarts/core').EChartsCoreOption
export type ECharts = import('echarts/core').ECharts

let loading: Promise<typeof import('echarts/core')> | null = null

/** The echarts core with the used parts registered (one chunk, loaded once). */
export function loadEcharts(): Promise<typeof import('echarts/core')> {
  loading ??= (async () => {
    const [core, charts, components, renderers] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
    ])
    core.use([
      charts.BarChart,
      charts.LineChart,
      components.GridComponent,
      components.TooltipComponent,
      components.LegendComponent,
      components.MarkLineComponent,
      components.TitleComponent,
      renderers.CanvasRenderer,
    ])
    return core
  })()
  return loading
}
