/** Props shared by the campaign charts (scale and intensity): each is a drop-in with no required props. */
export interface CampaignChartProps {
  /** false on embed pages: no island, the chart stays as rendered. */
  interactive?: boolean;
  id?: string;
  /** Campaign to emphasise (on its own page). */
  highlight?: string | null;
  headingLevel?: 2 | 3 | 4;
  /** "here": show the disputes over the chart's figures below it; "link": link to them on /disputes/. */
  claims?: 'here' | 'link';
}
