/** Reader-facing names for event and instrument kinds and for the campaign metrics, and the timeline lane of each event kind. */
import type { CampaignData, EventKind, InstrumentKind } from '../../schemas';

export const KIND_LABELS: Record<EventKind, string> = {
  disclosure: 'Disclosure',
  report: 'Report',
  activity: 'Alleged activity',
  policy: 'Policy',
  legislation: 'Legislation',
  hearing: 'Hearing',
  litigation: 'Litigation',
  lobbying: 'Lobbying',
  market: 'Market',
};

export const LANES = [
  { id: 'disclosures', label: 'Disclosures and reports', kinds: ['disclosure', 'report', 'activity'] },
  { id: 'policy', label: 'Policy and legislation', kinds: ['policy', 'legislation', 'lobbying'] },
  { id: 'hearings', label: 'Hearings', kinds: ['hearing'] },
  { id: 'litigation', label: 'Litigation', kinds: ['litigation'] },
  { id: 'markets', label: 'Markets', kinds: ['market'] },
] as const satisfies readonly { id: string; label: string; kinds: readonly EventKind[] }[];

export type LaneId = (typeof LANES)[number]['id'];

export function laneOf(kind: EventKind): LaneId {
  const lane = LANES.find((l) => (l.kinds as readonly EventKind[]).includes(kind));
  if (!lane) throw new Error(`Event kind "${kind}" has no timeline lane`);
  return lane.id;
}

export const INSTRUMENT_KIND_LABELS: Record<InstrumentKind, string> = {
  bill: 'Bill',
  amendment: 'Amendment',
  'executive-action': 'Executive action',
  designation: 'Designation',
  lawsuit: 'Lawsuit',
  tool: 'Enforcement tool',
};

/** Reader-facing name of each campaign metric (the counts a campaign entry gives), capitalised; lower-case it inside a sentence. */
export const METRIC_LABELS = { accounts: 'Fraudulent accounts', exchanges: 'Exchanges' } as const satisfies Partial<Record<keyof CampaignData, string>>;
