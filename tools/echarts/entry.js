// The reduced ECharts build the app loads on the results and report pages: only the chart
// types, components and renderers it uses. Bundled by tools/echarts/build.mjs from the pinned
// npm package (see package.json) into public/vendor/echarts/echarts.kk.min.js.
import * as echarts from "echarts/core";
import { RadarChart, BarChart } from "echarts/charts";
import {
  TitleComponent,
  TooltipComponent,
  LegendComponent,
  GridComponent,
  AriaComponent,
  MarkLineComponent,
} from "echarts/components";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

echarts.use([
  RadarChart,
  BarChart,
  TitleComponent,
  TooltipComponent,
  LegendComponent,
  GridComponent,
  AriaComponent,
  MarkLineComponent,
  CanvasRenderer,
  SVGRenderer,
]);

window.echarts = echarts;
