/** The policy tracker's queries on the real content: rows, sorting, filters' options, watchlist and downloads. */
import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/lib/util/csv';
import {
  buildDay,
  sortRows,
  stageOptions,
  stageSlug,
  trackerRow,
  trackerRows,
  watchlist,
} from '../../src/lib/views/tracker';
import { columnsIn, csvFile, dataset, instrumentRows } from '../../src/lib/outputs/datasets';
import { deriveStatus, MACHINES } from '../../src/lib/story/status';
import { asOfDate, getById } from '../../src/lib/story/story';
import type { InstrumentKind } from '../../src/schemas';
import { loadContent } from './support/load-content';

const { story, errors } = loadContent('content');
const rows = trackerRows(story);
const tracks = Object.fromEntries(Object.entries(MACHINES).map(([k, m]) => [k, m.track])) as Record<InstrumentKind, string[]>;

/** Minimal RFC 4180 reader, so the test does not trust the writer to read its own output. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), i++;
    else field += c;
  }
  return records;
}

describe('tracker rows', () => {
  it('the content loads without schema errors', () => {
    expect(errors).toEqual([]);
  });

  it('has one row per instrument the seeds describe, bills first and tools last', () => {
    expect(rows.map((r) => r.id)).toEqual([
      'hr-8283',
      'hagerty-kim-amendment',
      'nstm-4',
      'dod-1260h-list',
      'alibaba-v-dod',
      'bis-entity-list',
      'state-extraction-attackers-list',
      'ieepa-sanctions',
      'ofac-action',
    ]);
    expect(rows.map((r) => r.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('takes every status from the state machine', () => {
    for (const r of rows) {
      expect(r.status).toEqual(deriveStatus(getById(story.instruments, r.id, 'instrument').data));
    }
  });

  it('H.R. 8283 passed committee on April 22, 2026 and may next pass the House', () => {
    const r = trackerRow(story, 'hr-8283');
    expect(r).toMatchObject({ stageName: 'Committee', stageSlug: 'committee', lastActionLabel: 'April 22, 2026', nextInProcess: 'Passed House' });
    expect(r.status).toMatchObject({ label: 'Passed committee', stage: 1, code: 'REPORTED' });
    expect(r.steps[0]).toMatchObject({ actionLabel: 'Introduced', dateLabel: 'date not given', notAfterLabel: 'on or before April 22, 2026', datetime: null });
    expect(r.people).toEqual([
      { label: 'Sponsors', actors: [], none: 'Not named in the sources' },
      { label: 'Committee', actors: [{ id: 'house-foreign-affairs', name: 'House Foreign Affairs Committee', party: null }], none: 'None named in the sources' },
    ]);
  });

  it('the Hagerty–Kim amendment is announced, not filed, with its sourced standing as of June 25', () => {
    const r = trackerRow(story, 'hagerty-kim-amendment');
    expect(r.status.label).toBe('Announced, not filed');
    expect(r.nextInProcess).toBe('Filed or Withdrawn');
    expect(r.standing).toHaveLength(1);
    expect(r.standing[0]).toMatchObject({ asOf: '2026-06-25', asOfLabel: 'June 25, 2026' });
    expect(r.standing[0]!.text).toMatch(/^Not formally introduced/);
    expect(r.standing[0]!.sources.map((s) => s.id)).toEqual(['flux-tokentoday']);
    expect(r.claims.map((c) => c.id)).toContain('hagerty-kim-status');
  });

  it("the lawsuit's disputed filing date shows both days and every source's answer", () => {
    const r = trackerRow(story, 'alibaba-v-dod');
    expect(r.lastActionDays).toEqual(['2026-06-23', '2026-06-24']);
    expect(r.lastActionLabel).toBe('June 23 or 24, 2026 (sources differ)');
    expect(r.lastActionKey).toBe('2026-06-23');
    const step = r.steps[0]!;
    expect(step.dateLabel).toBe('June 23 or 24, 2026');
    expect(step.dispute?.claim).toBe('lawsuit-filing-date');
    expect(step.dispute?.positions.map((p) => [p.text, p.sources.map((s) => s.id)])).toEqual([
      ['June 23, 2026', ['unsigned-hearing-report']],
      ['June 24, 2026', ['nolan-banking-sanctions']],
      ['No date given', ['khalid-senate-letter']],
    ]);
  });

  it('enforcement tools with no steps are "Not applied", or "Proposed, not law" for the list the bill would create', () => {
    const label = (id: string) => trackerRow(story, id).status.label;
    expect(['bis-entity-list', 'ieepa-sanctions', 'ofac-action'].map(label)).toEqual(['Not applied', 'Not applied', 'Not applied']);
    const list = trackerRow(story, 'state-extraction-attackers-list');
    expect(list.status.label).toBe('Proposed, not law');
    expect(list).toMatchObject({ stageSlug: 'none', lastActionLabel: null, lastActionKey: '', proposedIn: { id: 'hr-8283', shortName: 'H.R. 8283' } });
    expect(list.nextInProcess).toBe('Nothing until H.R. 8283 becomes law, which would create it.');
  });

  it('numbers every source in the order of the seed files', () => {
    expect(trackerRow(story, 'dod-1260h-list').steps[0]!.sources.map((s) => [s.number, s.id])).toEqual([
      [2, 'khalid-senate-letter'],
      [5, 'nolan-banking-sanctions'],
    ]);
  });
});

describe('sorting and filter options', () => {
  it('sorts by last action, newest first, a month at its first day, undated rows last in default order', () => {
    expect(sortRows(rows, 'last-action').map((r) => r.id)).toEqual([
      'alibaba-v-dod',
      'hagerty-kim-amendment',
      'dod-1260h-list',
      'nstm-4',
      'hr-8283',
      'bis-entity-list',
      'state-extraction-attackers-list',
      'ieepa-sanctions',
      'ofac-action',
    ]);
    expect(sortRows(sortRows(rows, 'last-action'), 'kind')).toEqual(rows);
  });

  it('turns stage names into URL-safe slugs', () => {
    expect(stageSlug('Passed House')).toBe('passed-house');
    expect(stageSlug('Agreed to / failed / withdrawn')).toBe('agreed-to-failed-withdrawn');
    expect(stageSlug(null)).toBe('none');
  });

  it('offers each stage once, naming the kinds whose track has it', () => {
    const options = stageOptions(tracks);
    expect(options[0]).toMatchObject({ value: 'none', label: 'No step recorded' });
    expect(options.find((o) => o.value === 'filed')).toEqual({ value: 'filed', label: 'Filed (amendments, lawsuits)', kinds: ['amendment', 'lawsuit'] });
    expect(options.find((o) => o.value === 'committee')?.label).toBe('Committee (bills)');
    expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
    for (const r of rows) expect(options.map((o) => o.value)).toContain(r.stageSlug);
  });
});

describe('build day', () => {
  it('uses BUILD_DATE when given, else the current UTC day', () => {
    expect(buildDay('2026-07-01')).toBe('2026-07-01');
    expect(buildDay(undefined, new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    expect(buildDay('', new Date('2027-01-02T00:00:00Z'))).toBe('2027-01-02');
  });

  it('rejects a malformed or impossible BUILD_DATE', () => {
    expect(() => buildDay('2026-02-30')).toThrow('BUILD_DATE="2026-02-30"');
    expect(() => buildDay('July 1')).toThrow('YYYY-MM-DD');
  });
});

describe('watchlist', () => {
  const find = (today: string, id: string) => watchlist(story, today).find((w) => w.id === id)!;

  it('holds the signposts the seeds say to watch', () => {
    const ids = watchlist(story, '2026-07-01').map((w) => w.id);
    for (const id of [
      'ofac-action-90-days',
      'senate-banking-hearing',
      'alibaba-on-record-response',
      'openai-comparable-disclosure',
      'anthropic-technical-detail',
      'committees-testimony-logs',
    ]) {
      expect(ids).toContain(id);
    }
    expect(ids.slice(0, 2)).toEqual(['ofac-action-90-days', 'senate-banking-hearing']);
  });

  it('computes the OFAC deadline as 90 days after June 24, 2026, and keeps it open until then', () => {
    const w = find('2026-07-01', 'ofac-action-90-days');
    expect(w.deadline).toEqual({ state: 'open', date: '2026-09-22', formula: '2026-06-24 + 90 days' });
    expect(w.deadlineLabel).toBe('September 22, 2026');
    expect(w.deadlineBasis).toMatch(/^June 24, 2026 \+ 90 days\. Counted from the first press reports/);
    expect(w.stateLabel).toBe('Open');
    expect(find('2026-09-22', 'ofac-action-90-days').deadline.state).toBe('open');
  });

  it('after the deadline says it passed with no recorded outcome, never met or missed', () => {
    const w = find('2026-09-23', 'ofac-action-90-days');
    expect(w.deadline.state).toBe('passed-no-outcome');
    expect(w.stateLabel).toBe('Deadline passed, no outcome recorded');
    expect(w.stateText).toBe(
      'The deadline, September 22, 2026, has passed. The sources end on June 26, 2026 and record no outcome, so this site cannot say whether it was met.',
    );
    expect(w.stateLabel).not.toMatch(/\bmet\b|missed/);
    expect(w.stateText).not.toMatch(/missed/);
  });

  it('a deadline with no calendar date stays undated, whatever the build day', () => {
    const w = find('2027-01-01', 'senate-banking-hearing');
    expect(w.deadline.state).toBe('undated');
    expect(w.deadlineWording).toMatch(/before the August recess/);
    expect(w.stateText).toBe(
      'No outcome recorded as of June 26, 2026. The source gives no calendar date for the deadline, so it is not in the calendar: the site does not guess one.',
    );
  });

  it('links signposts to the instruments they concern', () => {
    expect(trackerRow(story, 'ofac-action').signposts).toEqual(['ofac-action-90-days']);
    expect(find('2026-07-01', 'ofac-action-90-days').instruments.map((i) => i.id)).toEqual(['ofac-action', 'ieepa-sanctions']);
  });
});

describe('downloads', () => {
  const json = instrumentRows(story);
  const CSV_COLUMNS = columnsIn(dataset('instruments'), 'csv').map((c) => c.name);

  it('the JSON rows agree with deriveStatus on the real content', () => {
    expect(json.map((e) => e.id)).toEqual(rows.map((r) => r.id));
    for (const e of json) {
      const data = getById(story.instruments, e.id, 'instrument').data;
      const status = deriveStatus(data);
      expect(e).toMatchObject({
        kind: data.kind,
        status: status.label,
        stage_index: status.stage,
        stage_name: status.stage >= 0 ? status.track[status.stage] : null,
        stages: status.track,
        ended: status.ended,
        status_code: status.code,
        possible_next: status.possibleNext,
        as_of: asOfDate(story),
      });
      expect(e.steps.map((s) => [s.action, s.date, s.sources.length > 0])).toEqual(data.steps.map((s) => [s.action, s.date, true]));
      if (data.kind !== 'bill') expect(e.status_code).toBeNull();
    }
  });

  it('bills carry their GovTrack / unitedstates-congress status code', () => {
    expect(json.find((e) => e.id === 'hr-8283')).toMatchObject({ status_code: 'REPORTED', last_action_dates: ['2026-04-22'] });
  });

  it('the CSV has a header row and one RFC 4180 row per instrument, with the same values as the JSON', () => {
    const text = csvFile(dataset('instruments'), story, (p) => p);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...records] = parseCsv(text);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(records).toHaveLength(json.length);
    records.forEach((rec, i) => {
      const e = json[i]!;
      const row = Object.fromEntries(CSV_COLUMNS.map((c, k) => [c, rec[k]]));
      const status = deriveStatus(getById(story.instruments, e.id, 'instrument').data);
      expect(row).toMatchObject({
        id: e.id,
        name: e.name,
        status: status.label,
        stage_index: String(status.stage),
        stage_name: e.stage_name ?? '',
        stage_count: String(status.track.length),
        status_code: status.code ?? '',
        ended: String(status.ended),
        last_action_dates: e.last_action_dates.join('; '),
        possible_next: status.possibleNext.join('; '),
        as_of: e.as_of,
      });
    });
    const list = records.find((r) => r[0] === 'state-extraction-attackers-list')!;
    expect(list[1]).toBe('State Department "AI Model Extraction Attackers List"');
    const lawsuit = records.find((r) => r[0] === 'alibaba-v-dod')!;
    expect(lawsuit[CSV_COLUMNS.indexOf('steps')]).toBe(
      '2026-06-23 or 2026-06-24 filed [unsigned-hearing-report nolan-banking-sanctions khalid-senate-letter]',
    );
  });

  it('quotes a CSV field only when it must, doubling its quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});
