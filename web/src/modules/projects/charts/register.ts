import { use, type ComposeOption } from 'echarts/core';
import { BarChart, ScatterChart, type BarSeriesOption, type LineSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ChartOption } from '../../../ui/Chart';

// The shared wrapper registers line charts only; the project charts also need bars (monthly
// investment) and scatter points (milestones). Registration is global to echarts/core and lands
// in this lazily loaded chunk, so the rest of the app does not carry them.
use([BarChart, ScatterChart]);

export type ProjectChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;
export type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption };

/**
 * The wrapper's option type lists the series it registers itself; bar and scatter series are
 * registered above, so the wider option is safe to hand to it.
 */
export function toChartOption(option: ProjectChartOption): ChartOption {
  return option as unknown as ChartOption;
}
