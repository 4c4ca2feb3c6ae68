// A pair's story as a picture (d3): the diplomatic and consular status as bands through time, each
// direction's missions as bars (one colour and pattern per kind of mission, planned ones dashed, heads of
// mission as a line under their mission), meetings as marks (bars of how many where they crowd), milestones
// as their planned window against the day they were achieved. An overview of the whole history below
// chooses the period shown (brush, or the From/To fields of the page).
import d3 from 'd3';
import { words, fuzzy, plural } from '../format.js';

export const MISSION_STYLES = {
  EMBASSY: { fill: '#1d3557', label: 'Embassy, high commission, nunciature' },
  HIGH_COMMISSION: { fill: '#1d3557' },
  NUNCIATURE: { fill: '#1d3557' },
  LEGATION: { fill: '#5c7ea8', label: 'Legation' },
  PROVISIONAL_OFFICE: { fill: '#2a9d8f', label: 'Provisional office' },
  LIAISON_OFFICE: { fill: '#7b4fa0', label: 'Liaison office' },
  INTERESTS_SECTION: { fill: 'url(#hatch-interests)', label: 'Interests section (under a protecting power)' },
  CONSULATE_GENERAL: { fill: '#a9c7e8', label: 'Consular post' },
  CONSULATE: { fill: '#a9c7e8' },
  HONORARY_CONSULATE: { fill: '#a9c7e8' },
};

const STATUS_FILL = { ESTABLISHED: '#2a9d55', SEVERED: '#c2185b', NONE: '#d5d9de' };

const parse = (day) => (day ? new Date(`${day}T00:00:00Z`) : null);
const iso = (date) => date.toISOString().slice(0, 10);
const DAY = 24 * 3600 * 1000;
/** Where a pair with nothing recorded starts when neither country's birth is known: the first year of the map. */
const EARLIEST = '1816-01-01';

const DIPLOMATIC = { ESTABLISHED: 'ESTABLISHED', RESTORED: 'ESTABLISHED', SEVERED: 'SEVERED' };
// R2: a diplomatic ESTABLISHED or RESTORED also establishes consular relations; a diplomatic severance leaves them
const CONSULAR = { ESTABLISHED: 'ESTABLISHED', RESTORED: 'ESTABLISHED', CONSULAR_ESTABLISHED: 'ESTABLISHED',
  CONSULAR_SEVERED: 'SEVERED' };

/**
 * The status of a track through time, from the pair's events (oldest first): [{from, to, status, since, until}],
 * `since` and `until` the events it begins and ends with (none before the first, none after the last).
 */
function bands(items, start, end, transitions) {
  const result = [];
  let status = 'NONE';
  let from = start;
  let since = null;
  for (const item of items) {
    const next = transitions[item.type];
    if (!next || next === status) continue;
    const at = parse(item.date);
    if (at > from) result.push({ from, to: at, status, since, until: item });
    status = next;
    from = at > from ? at : from;
    since = item;
  }
  result.push({ from, to: end, status, since, until: null });
  return result;
}

/**
 * What a status band says on hover, its ends as well as their events know them (a year, a month): "Diplomatic
 * relations: Established from 1949 to 1959", "… none recorded before 1816" (the picture's margin before the first
 * event is no period without relations).
 */
function bandTitle(kind, band, today) {
  const day = (item) => fuzzy(item.date, item.datePrecision);
  const to = band.until ? ` to ${day(band.until)}` : band.to > today ? ' to this day' : ` to ${iso(band.to)}`;
  if (!band.since) return `${kind} relations: none recorded${band.until ? ` before ${day(band.until)}` : ''}`;
  return `${kind} relations: ${words(band.status)} from ${day(band.since)}${to}`;
}

/** Packs intervals into as few rows as possible (greedy, by start). */
function pack(bars) {
  const rowsEnd = [];
  for (const bar of [...bars].sort((a, b) => a.from - b.from)) {
    let row = rowsEnd.findIndex((end) => end <= bar.from);
    if (row < 0) {
      row = rowsEnd.length;
      rowsEnd.push(bar.to);
    } else {
      rowsEnd[row] = bar.to;
    }
    bar.row = row;
  }
  return Math.max(rowsEnd.length, 1);
}

function missionBar(mission, today) {
  const opened = parse(mission.openedOn);
  const planned = mission.status === 'PLANNED' || mission.status === 'CANCELLED';
  let from = opened || parse(mission.plannedOpeningStart);
  let to = parse(mission.closedOn) || (mission.status === 'OPEN' ? today : parse(mission.plannedOpeningEnd));
  if (!from) return null;
  if (!to || to <= from) to = new Date(from.getTime() + 20 * DAY);
  if (planned && to < from) to = from;
  return { mission, from, to, planned };
}

/** The width, in pixels, of a column of the meetings' lane: a meeting's mark is about as wide. */
const MEETING_COLUMN = 8;

/**
 * The meetings shown, oldest first, in the columns of the plot they fall in: [{x, width, meetings}], left to right.
 * A meeting on the period's first day (before its first moment) is in the first; the last column is as wide as the
 * plot leaves it (a wider one would hold more days than the others).
 */
function meetingColumns(shown, x) {
  const [left, right] = x.range();
  const last = Math.max(Math.ceil((right - left) / MEETING_COLUMN) - 1, 0);
  const columns = new Map();
  for (const meeting of shown) {
    const at = Math.min(Math.max(Math.floor((x(meeting.at) - left) / MEETING_COLUMN), 0), last);
    if (!columns.has(at)) {
      const from = left + at * MEETING_COLUMN;
      columns.set(at, { x: from, width: Math.max(Math.min(MEETING_COLUMN, right - from) - 1, 1), meetings: [] });
    }
    columns.get(at).meetings.push(meeting);
  }
  return [...columns.values()];
}

/** What a column of meetings says on hover: how many, from which day to which (or on which), or the one it holds. */
function meetingColumnTitle(meetings) {
  const [first, last] = [meetings[0], meetings[meetings.length - 1]];
  if (meetings.length === 1) return `${fuzzy(first.date, first.datePrecision)}: ${first.summary}`;
  const [from, to] = [fuzzy(first.date, first.datePrecision), fuzzy(last.date, last.datePrecision)];
  return `${plural(meetings.length, 'meeting')}, ${from === to ? from : `${from} – ${to}`}`;
}

/**
 * Draws the chart into container and answers {domain, setDomain(from, to)}.
 * data: {a, b, names, items (timeline, oldest first), missions [both directions, with heads], milestones,
 * asOf, today, lifetime {from, to} (the days both countries existed, null where not known)}; onDomain(from, to)
 * is told when the brush moves the period.
 */
export function drawTimeline(container, data, { domain: wanted, onDomain, onOpenMission } = {}) {
  const today = parse(data.today);
  const asOf = parse(data.asOf);
  const empty = !data.items.length && !data.missions.length && !data.milestones.length;
  // up to today, or to the last day of a pair whose state ceased to exist (a pair of 1887–1905 drawn to today took a
  // sliver of the picture), and the day asked for; a pair with nothing recorded: the years both countries existed,
  // as far as known
  const end = parse(data.lifetime?.to) || today;
  const asked = data.asOf !== data.today ? asOf : null;
  const dates = empty ? [parse(data.lifetime?.from || EARLIEST), end, asked] : [end, asked];
  data.items.forEach((i) => dates.push(parse(i.date)));
  data.missions.forEach((m) => [m.openedOn, m.closedOn, m.plannedOpeningStart, m.plannedOpeningEnd]
    .forEach((d) => d && dates.push(parse(d))));
  data.milestones.forEach((m) => [m.targetStart, m.targetEnd, m.achievedOn].forEach((d) => d && dates.push(parse(d))));
  const valid = dates.filter(Boolean);
  const first = d3.min(valid);
  const last = d3.max(valid);
  const span = Math.max(last - first, 365 * DAY);
  const pad = Math.min(span * 0.03, 120 * DAY);
  const whole = [new Date(first.getTime() - pad), new Date(last.getTime() + pad)];

  // the status is known up to today, and the relations of a state that ceased to exist end with it, on the day
  // after its last
  const ended = parse(data.lifetime?.to);
  const statusEnd = new Date(Math.min(whole[1].getTime(), today.getTime() + DAY, ended ? ended.getTime() + DAY : Infinity));
  const diplomatic = bands(data.items, whole[0], statusEnd, DIPLOMATIC);
  const consular = bands(data.items, whole[0], statusEnd, CONSULAR);

  const directions = [[data.a, data.b], [data.b, data.a]].map(([sending, receiving]) => {
    const recorded = data.missions.filter((m) => m.sendingCountry === sending && m.receivingCountry === receiving);
    const bars = recorded.map((m) => missionBar(m, today)).filter(Boolean);
    return { sending, receiving, bars, rows: pack(bars), recorded: recorded.length };
  });
  const meetings = data.items.filter((i) => i.type === 'MEETING').map((i) => ({ ...i, at: parse(i.date) }));
  const milestones = data.milestones.map((m) => ({ ...m, from: parse(m.targetStart), to: parse(m.targetEnd),
    achieved: parse(m.achievedOn) }));

  const width = Math.max(container.clientWidth || 900, 320);
  const margin = { left: Math.min(150, Math.round(width * 0.28)), right: 16 };
  // about one tick label per 90 px of the plot (the overview's years a little sparser), so that they never overlap
  const plotWidth = width - margin.left - margin.right;
  const ticks = Math.max(2, Math.round(plotWidth / 90));
  const overviewTicks = Math.max(2, Math.round(plotWidth / 110));
  const laneGap = 10;
  const barHeight = 14;
  const lanes = [];
  let y = 28;
  lanes.push({ key: 'diplomatic', label: 'Diplomatic status', y, height: 18 });
  y += 18 + 4;
  lanes.push({ key: 'consular', label: 'Consular status', y, height: 10 });
  y += 10 + laneGap;
  directions.forEach((d, i) => {
    const height = d.rows * (barHeight + 8);
    lanes.push({ key: `dir${i}`, label: `${data.names[d.sending] || d.sending} in ${data.names[d.receiving] || d.receiving}`,
      short: `${d.sending} in ${d.receiving}`, y, height, direction: d });
    y += height + laneGap;
  });
  lanes.push({ key: 'meetings', label: 'Meetings', y, height: 16 });
  y += 16 + laneGap;
  const milestoneHeight = Math.max(milestones.length, 1) * 14;
  lanes.push({ key: 'milestones', label: 'Milestones', y, height: milestoneHeight });
  y += milestoneHeight + laneGap;
  const overviewY = y + 8;
  const overviewHeight = 34;
  const height = overviewY + overviewHeight + 22;

  d3.select(container).selectAll('*').remove();
  const svg = d3.select(container).append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-labelledby', 'timeline-title timeline-desc')
    .attr('id', 'timeline-svg');
  const defs = svg.append('defs');
  const hatch = defs.append('pattern').attr('id', 'hatch-interests').attr('patternUnits', 'userSpaceOnUse')
    .attr('width', 6).attr('height', 6).attr('patternTransform', 'rotate(45)');
  hatch.append('rect').attr('width', 6).attr('height', 6).attr('fill', '#f4a261');
  hatch.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 6).attr('stroke', '#7a3e00').attr('stroke-width', 2);
  defs.append('clipPath').attr('id', 'timeline-clip').append('rect')
    .attr('x', margin.left).attr('y', 0).attr('width', width - margin.left - margin.right).attr('height', overviewY);

  const x = d3.scaleUtc().range([margin.left, width - margin.right]);
  const overviewX = d3.scaleUtc().domain(whole).range([margin.left, width - margin.right]);

  svg.append('g').attr('class', 'labels').selectAll('text').data(lanes).join('text')
    .attr('class', 'band-label').attr('x', 4).attr('y', (l) => l.y + Math.min(l.height, 18) / 2 + 4)
    .text((l) => l.label)
    .each(function fit(l) {
      // a label wider than the margin (a phone, long names): the countries' codes, else cut with an ellipsis;
      // the whole label shows on hover
      const room = margin.left - 8;
      if (this.getComputedTextLength() <= room) return;
      let text = l.short || l.label;
      this.textContent = text;
      while (text.length > 1 && this.getComputedTextLength() > room) {
        text = text.slice(0, -1);
        this.textContent = `${text.trimEnd()}…`;
      }
      d3.select(this).append('title').text(l.label);
    });
  // a lane of which nothing at all is recorded says so (the history data holds U.S. missions abroad only, say: the
  // other direction's lane of a U.S. pair is empty for it), rather than look like a picture not drawn
  const emptyLanes = lanes.filter((l) => (l.direction && !l.direction.bars.length)
    || (l.key === 'meetings' && !meetings.length) || (l.key === 'milestones' && !milestones.length));
  svg.append('g').attr('class', 'lane-empty').selectAll('text').data(emptyLanes).join('text')
    .attr('x', margin.left + 6).attr('y', (l) => l.y + Math.min(l.height, 14) / 2 + 4)
    .attr('data-lane', (l) => l.key)
    .text((l) => (l.direction ? (l.direction.recorded ? `${plural(l.direction.recorded, 'mission')} recorded, none `
      + 'with a day to draw' : 'No mission recorded') : `No ${l.key === 'meetings' ? 'meeting' : 'milestone'} recorded`));
  const axis = svg.append('g').attr('class', 'axis').attr('transform', 'translate(0,22)');
  const plot = svg.append('g').attr('clip-path', 'url(#timeline-clip)');

  function draw() {
    axis.call(d3.axisTop(x).ticks(ticks).tickSizeOuter(0));
    plot.selectAll('*').remove();
    const lane = Object.fromEntries(lanes.map((l) => [l.key, l]));
    const w = (from, to) => Math.max(x(to) - x(from), 2);
    for (const [key, list] of [['diplomatic', diplomatic], ['consular', consular]]) {
      plot.append('g').attr('class', `band ${key}`).selectAll('rect').data(list).join('rect')
        .attr('x', (d) => x(d.from)).attr('width', (d) => w(d.from, d.to))
        .attr('y', lane[key].y).attr('height', lane[key].height)
        .attr('fill', (d) => STATUS_FILL[d.status])
        .attr('data-status', (d) => d.status)
        .append('title').text((d) => bandTitle(key === 'diplomatic' ? 'Diplomatic' : 'Consular', d, today));
    }
    directions.forEach((direction, i) => {
      const l = lane[`dir${i}`];
      const g = plot.append('g').attr('class', 'missions');
      const bar = g.selectAll('g').data(direction.bars).join('g')
        .attr('class', 'mission-bar')
        .attr('data-mission', (d) => d.mission.id)
        .attr('data-type', (d) => d.mission.type)
        .style('cursor', 'pointer')
        .on('click', (event, d) => onOpenMission && onOpenMission(d.mission.id));
      bar.append('rect')
        .attr('class', (d) => `mission ${d.planned ? 'planned' : ''}`)
        .attr('x', (d) => x(d.from)).attr('width', (d) => w(d.from, d.to))
        .attr('y', (d) => l.y + d.row * (barHeight + 8)).attr('height', barHeight)
        .attr('fill', (d) => (d.planned ? '#ffffff' : MISSION_STYLES[d.mission.type].fill))
        .attr('stroke', (d) => (d.planned ? (d.mission.status === 'CANCELLED' ? '#8a8a8a' : '#1d3557') : '#1f2933'))
        .attr('stroke-width', 1);
      bar.append('title').text((d) => `${words(d.mission.type)} of ${d.mission.sendingCountry} in `
        + `${d.mission.city || d.mission.receivingCountry}: ${words(d.mission.status)}`
        + `${d.mission.openedOn ? `, opened ${fuzzy(d.mission.openedOn, d.mission.openedPrecision)}` : ''}`
        + `${d.mission.closedOn ? `, closed ${fuzzy(d.mission.closedOn, d.mission.closedPrecision)}` : ''}`
        + `${d.planned && d.mission.plannedOpening ? `, planned ${d.mission.plannedOpening}` : ''}`);
      bar.selectAll('rect.head').data((d) => d.mission.heads.filter((h) => h.startedOn).map((h) => ({ h, d })))
        .join('rect').attr('class', 'head')
        .attr('x', ({ h }) => x(parse(h.startedOn)))
        .attr('width', ({ h, d }) => w(parse(h.startedOn), parse(h.endedOn) || parse(d.mission.closedOn) || today))
        .attr('y', ({ d }) => l.y + d.row * (barHeight + 8) + barHeight + 1).attr('height', 3)
        .append('title').text(({ h }) => `${h.name}, ${words(h.rank)}, from ${fuzzy(h.startedOn, h.startedPrecision)}`
          + `${h.endedOn ? ` to ${fuzzy(h.endedOn, h.endedPrecision)}` : ''}`);
    });
    const m = lane.meetings;
    // the meetings of the period only: a busy pair has thousands, redrawn at every step of the brush
    const [shownFrom, shownTo] = x.domain();
    // by their days, as the list beside the picture holds them (the period's start may be a moment into its first)
    const [firstDay, lastDay] = [iso(shownFrom), iso(shownTo)];
    const shown = meetings.filter((d) => d.date >= firstDay && d.date <= lastDay);
    const columns = meetingColumns(shown, x);
    const group = plot.append('g').attr('class', 'meetings');
    if (columns.some((c) => c.meetings.length > 1)) {
      // meetings closer than a mark's width (a meeting a week over decades): each column is a bar of how many fell
      // in it, the fullest as high as the lane, one meeting still high enough to point at; more is always higher
      const most = d3.max(columns, (c) => c.meetings.length);
      const high = (c) => Math.max(4, Math.round(m.height * Math.sqrt(c.meetings.length / most)));
      group.selectAll('rect').data(columns).join('rect')
        .attr('class', 'meeting-bin').attr('data-count', (c) => c.meetings.length)
        .attr('x', (c) => c.x).attr('width', (c) => c.width)
        .attr('y', (c) => m.y + m.height - high(c)).attr('height', high)
        .append('title').text((c) => meetingColumnTitle(c.meetings));
    } else {
      // each a mark, kept whole at the plot's edges (one on the period's first or last day)
      const [left, right] = x.range();
      group.selectAll('path').data(shown).join('path')
        .attr('class', 'meeting')
        .attr('d', d3.symbol(d3.symbolDiamond, 90))
        .attr('transform', (d) => `translate(${Math.min(Math.max(x(d.at), left + 5), right - 5)},${m.y + m.height / 2})`)
        .append('title').text((d) => `${fuzzy(d.date, d.datePrecision)}: ${d.summary}`);
    }
    const ms = lane.milestones;
    const mg = plot.append('g').attr('class', 'milestones').selectAll('g').data(milestones).join('g')
      .attr('class', 'milestone').attr('data-milestone', (d) => d.id).attr('data-status', (d) => d.status);
    const rowY = (d) => ms.y + milestones.indexOf(d) * 14;
    mg.append('rect').attr('class', (d) => `milestone-window ${d.status === 'OVERDUE' ? 'overdue' : ''}`)
      .attr('x', (d) => x(d.from)).attr('width', (d) => w(d.from, new Date(d.to.getTime() + DAY)))
      .attr('y', rowY).attr('height', 10);
    mg.filter((d) => d.status === 'OVERDUE').append('line').attr('class', 'milestone-late')
      .attr('x1', (d) => x(new Date(d.to.getTime() + DAY))).attr('x2', x(today))
      .attr('y1', (d) => rowY(d) + 5).attr('y2', (d) => rowY(d) + 5);
    mg.filter((d) => d.achieved).append('circle').attr('class', 'milestone-achieved')
      .attr('cx', (d) => x(d.achieved)).attr('cy', (d) => rowY(d) + 5).attr('r', 5);
    mg.append('title').text((d) => `${d.title}: planned ${d.target} (${d.targetStart} – ${d.targetEnd}), `
      + `${words(d.status)}${d.achievedOn ? ` on ${d.achievedOn}${d.onTime === false ? ', late' : ''}` : ''}`);
    for (const [cls, day, label] of [['today', today, 'today'], ['asof', asOf, `as of ${data.asOf}`]]) {
      if (cls === 'today' && data.asOf === data.today) continue;
      if (day < shownFrom || day > shownTo) continue; // out of the period shown: its label would be cut at the edge
      const g = plot.append('g').attr('class', `marker ${cls}`);
      g.append('line').attr('class', cls).attr('x1', x(day)).attr('x2', x(day)).attr('y1', 24).attr('y2', overviewY - 4);
      const right = x(day) > width - margin.right - 90;
      g.append('text').attr('x', x(day) + (right ? -3 : 3)).attr('y', overviewY - 6).attr('font-size', 10)
        .attr('text-anchor', right ? 'end' : 'start').text(label);
    }
  }

  // the overview: the whole history, with a brush choosing the period drawn above
  const overview = svg.append('g').attr('class', 'overview');
  overview.append('text').attr('class', 'band-label').attr('x', 4).attr('y', overviewY + 14).text('Whole history');
  overview.selectAll('rect.ov').data(diplomatic).join('rect').attr('class', 'ov')
    .attr('x', (d) => overviewX(d.from)).attr('width', (d) => Math.max(overviewX(d.to) - overviewX(d.from), 1))
    .attr('y', overviewY).attr('height', 12).attr('fill', (d) => STATUS_FILL[d.status]);
  overview.selectAll('line.tick-item').data(data.items).join('line').attr('class', 'tick-item')
    .attr('x1', (d) => overviewX(parse(d.date))).attr('x2', (d) => overviewX(parse(d.date)))
    .attr('y1', overviewY + 14).attr('y2', overviewY + 24).attr('stroke', '#1f2933');
  overview.append('g').attr('transform', `translate(0,${overviewY + overviewHeight - 6})`)
    .call(d3.axisBottom(overviewX).ticks(overviewTicks).tickSizeOuter(0)).attr('class', 'axis');
  // the period the brush chose, drawn once a frame however many times the pointer moved in it (each draw of a
  // busy pair cost 140–450 ms), and at its end at once; onDomain(from, to, settled) hears of each, `settled` at the
  // end (what is said aloud waits for it)
  let brushed = null;
  let frame = null;
  function drawBrushed(settled) {
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
    if (!brushed && !settled) return;
    if (brushed) {
      x.domain(brushed);
      brushed = null;
      draw();
    }
    const [from, to] = x.domain();
    if (onDomain) onDomain(iso(from), iso(to), settled);
  }
  const brush = d3.brushX().extent([[margin.left, overviewY - 2], [width - margin.right, overviewY + 26]])
    .on('brush end', (event) => {
      if (!event.sourceEvent) return;
      const sel = event.selection;
      brushed = sel ? sel.map(overviewX.invert) : whole;
      if (event.type === 'end') {
        drawBrushed(true);
      } else if (frame === null) {
        frame = requestAnimationFrame(() => drawBrushed(false));
      }
    });
  const brushG = overview.append('g').attr('class', 'brush').call(brush);

  function setDomain(from, to) {
    const domain = [parse(from) || whole[0], parse(to) || whole[1]];
    if (domain[1] <= domain[0]) domain[1] = new Date(domain[0].getTime() + 30 * DAY);
    x.domain(domain);
    draw();
    const isWhole = domain[0] <= whole[0] && domain[1] >= whole[1];
    brushG.call(brush.move, isWhole ? null : domain.map((d) => Math.min(Math.max(overviewX(d), margin.left),
      width - margin.right)));
  }

  /**
   * Where the picture looks first: the whole history, or the recent period where all else happened; either way
   * from the day the pair is shown as of (?asOf=), so that its marker is in view.
   */
  function focus() {
    const eventTypes = new Set(['ESTABLISHED', 'SEVERED', 'RESTORED', 'CONSULAR_ESTABLISHED', 'CONSULAR_SEVERED']);
    const others = valid.filter((d) => d !== today && d !== asOf);
    const activity = [
      ...data.items.filter((i) => !eventTypes.has(i.type)).map((i) => parse(i.date)),
      ...directions.flatMap((d) => d.bars.map((b) => b.from)),
      ...milestones.map((m) => m.from),
    ];
    if (!activity.length || !others.length) return whole;
    const start = d3.min(activity);
    const years = 365 * DAY;
    const establishing = data.items.filter((i) => (i.type === 'ESTABLISHED' || i.type === 'RESTORED')
      && Math.abs(parse(i.date) - start) < 2 * years).map((i) => parse(i.date));
    const from = d3.min([start, ...establishing, asOf]);
    if (from - whole[0] < (whole[1] - whole[0]) * 0.6) return whole;
    const pad = Math.max((whole[1] - from) * 0.08, 60 * DAY);
    return [new Date(from.getTime() - pad), whole[1]];
  }

  const initial = wanted && wanted[0] && wanted[1] ? wanted.map(parse) : focus();
  setDomain(iso(initial[0]), iso(initial[1]));
  return {
    whole: whole.map(iso),
    domain: () => x.domain().map(iso),
    setDomain,
  };
}
